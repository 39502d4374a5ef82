import type { subscriptions as en } from '../en/subscriptions';
import type { Translation } from '../plural';

/** Ukrainian: subscriptions. */
export const subscriptions: Translation<typeof en> = {
  'subscriptions.title': 'Розсилки',
  'subscriptions.lead':
    'Оберіть, які необов’язкові листи отримувати. Підписка має ще один крок: ми надішлемо посилання на вашу пошту, і підписка почне діяти, щойно ви його відкриєте.',
  'subscriptions.status': 'Стан',
  'subscriptions.status.subscribed': 'Підписано',
  'subscriptions.status.pending': 'Чекає вашого підтвердження',
  'subscriptions.status.unsubscribed': 'Не підписано',
  'subscriptions.subscribe': 'Підписатися',
  'subscriptions.unsubscribe': 'Відписатися',
  'subscriptions.resend': 'Надіслати посилання ще раз',
  'subscriptions.cancel': 'Скасувати запит',
  'subscriptions.mandatory': 'Завжди ввімкнено',
  'subscriptions.mandatory.reason':
    'Їх не можна вимкнути: без них ми не зможемо вести ваш обліковий запис, заняття й оплати. Це ніколи не реклама.',
  'subscriptions.pending.hint':
    'Ми надіслали посилання для підтвердження на {email}. Відкрийте його, щоб завершити підписку.',
  'subscriptions.restricted':
    'Обробку ваших даних обмежено, тож ми не надсилаємо вам необов’язкових листів, доки ви не знімете обмеження.',
  'subscriptions.oneClick':
    'Кожен лист розсилки має внизу посилання для відписки, яке працює без входу.',
  'subscriptions.notice.pending':
    'Майже готово: відкрийте посилання, яке ми щойно надіслали на вашу пошту, щоб підтвердити «{list}».',
  'subscriptions.notice.subscribed': 'Ви підписані на «{list}».',
  'subscriptions.notice.unsubscribed': 'Ви відписалися від «{list}». Більше таких листів не буде.',
  'subscriptions.error.mandatory': '«{list}» не можна вимкнути.',

  'subscriptionConfirm.title': 'Підтвердьте підписку',
  'subscriptionConfirm.body':
    'Натисніть кнопку, щоб почати отримувати ці листи. Відписатися можна будь-коли.',
  'subscriptionConfirm.button': 'Підтвердити підписку',
  'subscriptionConfirm.done': 'Дякуємо: ви підписані на «{list}».',
  'subscriptionConfirm.manage': 'Керувати розсилками',

  'unsubscribe.title': 'Відписка',
  'unsubscribe.body':
    'Більше не надсилати «{list}» на цю адресу? Службових повідомлень про ваш обліковий запис це не стосується.',
  'unsubscribe.button': 'Відписатися',
  'unsubscribe.done': 'Ви відписалися від «{list}». Більше таких листів не буде.',
  'optOut.title': 'Тепер ви не отримуєте від нас розсилок',
  'optOut.offer': 'Хочете, щоб ми також видалили ваш обліковий запис і все, що про вас зберігаємо?',
  'optOut.how':
    'Видалення відбувається як завжди: ви підтверджуєте його паролем або ключем доступу, маєте {days}, щоб передумати, а потім зникає все, крім записів про оплати, які вимагає закон (без вашого імені).',
  // {days} в optOut.how, знахідний відмінок: «маєте 1 день / 2 дні / 5 днів, щоб передумати».
  'optOut.how.days.one': '{count} день',
  'optOut.how.days.few': '{count} дні',
  'optOut.how.days.many': '{count} днів',
  'optOut.how.days.other': '{count} дня',
  'optOut.howNow':
    'Видалення відбувається як завжди: ви підтверджуєте його паролем або ключем доступу, і одразу зникає все, крім записів про оплати, які вимагає закон (без вашого імені).',
  'optOut.button': 'Видалити мій обліковий запис і дані…',
  'mail.mailingsStopped.subject': 'Ви більше не отримуватимете від нас розсилок',
  'mail.mailingsStopped.body':
    'Ви вийшли з останньої нашої розсилки, тож {school} більше не надсилатиме вам оголошень. Листи про ваш обліковий запис і заняття й надалі приходитимуть.',
  'unsubscribe.invalid':
    'Це посилання для відписки недійсне. Перевірте, чи скопіювали його повністю, або увійдіть і змініть розсилки у своєму кабінеті.',
  'unsubscribe.mandatory': 'Ці повідомлення є частиною сервісу, їх не можна вимкнути.',

  'activity.subscription.requested': 'Запит на підписку, чекає підтвердження',
  'activity.subscription.confirmed': 'Підписку підтверджено',
  'activity.subscription.unsubscribed': 'Відписка від розсилки',

  'mail.subscriptionConfirm.subject': 'Підтвердьте підписку: {list}',
  'mail.subscriptionConfirm.body':
    'Ви попросили надсилати вам «{list}» від {school}. Підтвердьте, будь ласка, що хочете отримувати ці листи.',
  'mail.subscriptionConfirm.expiry': 'Посилання діє один раз, протягом 7 днів.',
  'mail.subscriptionConfirm.action': 'Підтвердити підписку',
  'mail.subscriptionConfirm.footer':
    'Якщо ви цього не просили, просто ігноруйте лист: без посилання підписки не буде.',
  'mail.announcement.why': 'Ви отримали цей лист, бо підписалися на «{list}».',
  'mail.announcement.unsubscribe': 'Відписатися від розсилки',
  'mail.announcement.manage': 'Керувати розсилками',

  'announce.title': 'Надіслати оголошення',
  'announce.lead':
    'Лист отримають лише ті, хто підтвердив підписку на розсилку, і ніколи — обмежені, непідтверджені чи закриті облікові записи. Кожен лист має посилання для відписки, яке працює без входу, а поштові програми показують для нього власну кнопку «Відписатися».',
  'announce.list': 'Розсилка',
  'announce.subject': 'Тема',
  'announce.body': 'Повідомлення',
  'announce.body.hint': 'Звичайний текст. Порожній рядок починає новий абзац.',
  'announce.uk': 'Українська версія (необов’язково)',
  'announce.uk.hint': 'Ті, хто обрав українську, отримають цю версію; решта — основну.',
  'announce.ukSubject': 'Тема українською',
  'announce.ukBody': 'Повідомлення українською',
  'announce.preview': 'Попередній перегляд',
  'announce.send': 'Переглянути й надіслати…',
  'announce.confirm.title': 'Надіслати це оголошення?',
  'announce.confirm.body':
    'Його отримають усі підтверджені підписники «{list}» (усього {count}). Після постановки в чергу його не можна відкликати.',
  'announce.confirm.button': 'Так, надіслати зараз',
  'announce.confirm.back': 'Повернутися до редагування',
  'announce.noRecipients':
    'Ще ніхто не підтвердив підписку на «{list}», тож надсилати нікому. Нічого не поставлено в чергу.',
  'announce.queuedNone': 'Нічого не поставлено в чергу: на цю розсилку вже ніхто не підписаний.',
  'announce.recipients': 'Лист отримають підтверджені підписники «{list}»: {count}.',
  'announce.previewText': 'Текстова частина',
  'announce.previewHtml': 'HTML-частина (код)',
  'announce.queued': 'Оголошення поставлено в чергу для отримувачів: {count}.',
  'announce.error.list':
    'Оберіть одну з показаних розсилок: службові повідомлення не можна надсилати як оголошення.',
  'announce.error.translation':
    'Заповніть і тему, і повідомлення українською або залиште обидва поля порожніми.',
};
