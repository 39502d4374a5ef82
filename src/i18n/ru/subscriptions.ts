import type { subscriptions as en } from '../en/subscriptions';
import type { Translation } from '../plural';

/** Russian: subscriptions. */
export const subscriptions: Translation<typeof en> = {
  'subscriptions.title': 'Рассылки',
  'subscriptions.lead':
    'Выберите, какие необязательные письма получать. У подписки есть еще один шаг: мы отправим ссылку на вашу почту, и подписка начнет действовать, как только вы ее откроете.',
  'subscriptions.status': 'Состояние',
  'subscriptions.status.subscribed': 'Подписка оформлена',
  'subscriptions.status.pending': 'Ждет вашего подтверждения',
  'subscriptions.status.unsubscribed': 'Нет подписки',
  'subscriptions.subscribe': 'Подписаться',
  'subscriptions.unsubscribe': 'Отписаться',
  'subscriptions.resend': 'Отправить ссылку еще раз',
  'subscriptions.cancel': 'Отменить запрос',
  'subscriptions.mandatory': 'Всегда включено',
  'subscriptions.mandatory.reason':
    'Их нельзя отключить: без них мы не сможем вести вашу учетную запись, занятия и оплаты. Это никогда не реклама.',
  'subscriptions.pending.hint':
    'Мы отправили ссылку для подтверждения на {email}. Откройте ее, чтобы завершить подписку.',
  'subscriptions.restricted':
    'Обработка ваших данных ограничена, поэтому мы не отправляем вам необязательные письма, пока вы не снимете ограничение.',
  'subscriptions.oneClick':
    'В каждом письме рассылки внизу есть ссылка для отписки, которая работает без входа.',
  'subscriptions.notice.pending':
    'Почти готово: откройте ссылку, которую мы только что отправили на вашу почту, чтобы подтвердить подписку на «{list}».',
  'subscriptions.notice.subscribed': 'Вы подписаны на «{list}».',
  'subscriptions.notice.unsubscribed': 'Вы отписались от «{list}». Таких писем больше не будет.',
  'subscriptions.error.mandatory': '«{list}» нельзя отключить.',

  'subscriptionConfirm.title': 'Подтвердите подписку',
  'subscriptionConfirm.body':
    'Нажмите кнопку, чтобы начать получать эти письма. Отписаться можно в любое время.',
  'subscriptionConfirm.button': 'Подтвердить подписку',
  'subscriptionConfirm.done': 'Спасибо: вы подписаны на «{list}».',
  'subscriptionConfirm.manage': 'Управлять рассылками',

  'unsubscribe.title': 'Отписка',
  'unsubscribe.body':
    'Больше не присылать «{list}» на этот адрес? Служебных сообщений о вашей учетной записи это не касается.',
  'unsubscribe.button': 'Отписаться',
  'unsubscribe.done': 'Вы отписались от «{list}». Таких писем больше не будет.',
  'optOut.title': 'Теперь вы не получаете от нас рассылок',
  'optOut.offer': 'Хотите, чтобы мы также удалили вашу учетную запись и все, что мы о вас храним?',
  'optOut.how':
    'Удаление проходит как обычно: вы подтверждаете его паролем или ключом доступа, у вас есть {days}, чтобы передумать, а затем удаляется все, кроме записей об оплатах, которых требует закон (без вашего имени).',
  // {days} в optOut.how: «у вас есть 1 день / 2 дня / 5 дней, чтобы передумать».
  'optOut.how.days.one': '{count} день',
  'optOut.how.days.few': '{count} дня',
  'optOut.how.days.many': '{count} дней',
  'optOut.how.days.other': '{count} дня',
  'optOut.howNow':
    'Удаление проходит как обычно: вы подтверждаете его паролем или ключом доступа, и сразу удаляется все, кроме записей об оплатах, которых требует закон (без вашего имени).',
  'optOut.button': 'Удалить мою учетную запись и данные…',
  'mail.mailingsStopped.subject': 'Вы больше не будете получать от нас рассылки',
  'mail.mailingsStopped.body':
    'Вы отписались от последней нашей рассылки, поэтому {school} больше не будет присылать вам объявления. Письма о вашей учетной записи и занятиях по-прежнему будут приходить.',
  'unsubscribe.invalid':
    'Эта ссылка для отписки недействительна. Проверьте, что вы скопировали ее полностью, или войдите и измените рассылки в своем кабинете.',
  'unsubscribe.mandatory': 'Эти сообщения входят в услугу, их нельзя отключить.',

  'activity.subscription.requested': 'Запрос на подписку, ждет подтверждения',
  'activity.subscription.confirmed': 'Подписка подтверждена',
  'activity.subscription.unsubscribed': 'Отписка от рассылки',

  'mail.subscriptionConfirm.subject': 'Подтвердите подписку: {list}',
  'mail.subscriptionConfirm.body':
    'Вы попросили присылать вам «{list}» от {school}. Пожалуйста, подтвердите, что хотите получать эти письма.',
  'mail.subscriptionConfirm.expiry': 'Ссылка действует один раз в течение 7 дней.',
  'mail.subscriptionConfirm.action': 'Подтвердить подписку',
  'mail.subscriptionConfirm.footer':
    'Если вы этого не запрашивали, просто не обращайте внимания на письмо: без ссылки подписка не оформится.',
  'mail.announcement.why': 'Вы получили это письмо, потому что подписались на «{list}».',
  'mail.announcement.unsubscribe': 'Отписаться от рассылки',
  'mail.announcement.manage': 'Управлять рассылками',

  'announce.title': 'Отправить объявление',
  'announce.lead':
    'Письмо получат только те, кто подтвердил подписку на рассылку, и никогда — ограниченные, неподтвержденные или удаляемые учетные записи. В каждом письме есть ссылка для отписки, которая работает без входа, а почтовые программы показывают для нее собственную кнопку «Отписаться».',
  'announce.list': 'Рассылка',
  'announce.subject': 'Тема',
  'announce.body': 'Сообщение',
  'announce.body.hint': 'Обычный текст. Пустая строка начинает новый абзац.',
  'announce.uk': 'Украинская версия (необязательно)',
  'announce.uk.hint': 'Те, кто выбрал украинский язык, получат эту версию; остальные — основную.',
  'announce.ukSubject': 'Тема на украинском',
  'announce.ukBody': 'Сообщение на украинском',
  'announce.preview': 'Предварительный просмотр',
  'announce.send': 'Проверить и отправить…',
  'announce.confirm.title': 'Отправить это объявление?',
  'announce.confirm.body':
    'Его получат все подтвержденные подписчики рассылки «{list}» (всего: {count}). После постановки в очередь его нельзя отозвать.',
  'announce.confirm.button': 'Да, отправить сейчас',
  'announce.confirm.back': 'Вернуться к редактированию',
  'announce.noRecipients':
    'Пока никто не подтвердил подписку на «{list}», поэтому отправлять некому. Ничего не поставлено в очередь.',
  'announce.queuedNone':
    'Ничего не поставлено в очередь: на эту рассылку больше никто не подписан.',
  'announce.recipients': 'Письмо получат подтвержденные подписчики рассылки «{list}»: {count}.',
  'announce.previewText': 'Текстовая часть',
  'announce.previewHtml': 'HTML-часть (исходный код)',
  'announce.queued': 'Объявление поставлено в очередь. Получателей: {count}.',
  'announce.error.list':
    'Выберите одну из показанных рассылок: служебные сообщения нельзя отправлять как объявления.',
  'announce.error.translation':
    'Заполните и тему, и сообщение на украинском или оставьте оба поля пустыми.',
};
