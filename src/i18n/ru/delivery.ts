import type { delivery as en } from '../en/delivery';

/** Russian: announcement history, delivery reports, the suppression list, more translations. */
export const delivery: Record<keyof typeof en, string> = {
  'history.title': 'Отправленные объявления',
  'history.lead':
    'Все объявления и то, сколько из них уже ушло. Цифры берутся прямо из очереди писем и обновляются во время рассылки.',
  'history.compose': 'Написать новое объявление',
  'history.none': 'Пока не отправлено ни одного объявления.',
  'history.col.when': 'Отправлено',
  'history.col.subject': 'Тема',
  'history.col.list': 'Рассылка',
  'history.col.author': 'Автор',
  'history.col.progress': 'Ход рассылки',
  'history.authorGone': 'бывший сотрудник',
  'history.progress.sending': 'Идёт рассылка: почтовому сервису передано {sent} из {recipients}.',
  'history.progress.done': 'Готово: почтовому сервису передано {sent} из {recipients}.',
  'history.meta': 'Рассылка «{list}», автор — {author}, {when}.',
  'history.count.recipients': 'Получателей',
  'history.count.queued': 'Ещё в очереди',
  'history.count.sent': 'Отправлено',
  'history.count.failed': 'Не удалось',
  'history.count.suppressed': 'Не отправлено (письмо вернулось или жалоба на спам)',
  'history.count.cancelled': 'Отменено (человек отписался до отправки)',
  'history.count.delivered': 'Доставлено по отчёту',
  'history.count.bounced': 'Вернулось по отчёту',
  'history.count.complained': 'Отмечено как спам',
  'history.refresh': 'Обновить цифры',
  'history.back': 'Все отправленные объявления',

  'delivery.suppressed.title': 'Адреса, на которые мы больше не пишем',
  'delivery.suppressed.lead':
    'На эти адреса объявления не отправляются: письма на них окончательно вернулись или человек отметил письмо как спам. Письма по учётной записи по-прежнему уходят. Каждый, кто есть в списке, увидит в своём кабинете, что сотрудник просматривал этот список.',
  'delivery.suppressed.none': 'Ни один адрес не заблокирован.',
  'delivery.suppressed.noAccount': 'сейчас этот адрес не привязан ни к одной учётной записи',
  'delivery.col.person': 'Человек',
  'delivery.col.address': 'Адрес',
  'delivery.col.reason': 'Причина',
  'delivery.col.since': 'С какого времени',
  'delivery.reason.bounce': 'Письмо вернулось: ящика нет или он не принимает почту',
  'delivery.reason.complaint': 'Отмечено как спам',

  'delivery.banner.bounce.title': 'Письмо на ваш адрес вернулось',
  'delivery.banner.bounce.body':
    'Наше последнее письмо на {email} не дошло, поэтому мы перестали отправлять туда объявления. Проверьте, нет ли в адресе опечатки и не переполнен ли ящик. Письма по вашей учётной записи мы по-прежнему пытаемся отправлять.',
  'delivery.banner.complaint.title': 'Вы отметили наше письмо как спам',
  'delivery.banner.complaint.body':
    'Ваш почтовый сервис сообщил, что письмо на {email} отмечено как спам, поэтому мы отписали вас от этой рассылки и больше не шлём туда объявления. Письма по учётной записи будут приходить и дальше.',
  'delivery.banner.reconfirm': 'Адрес работает — отправляйте снова',
  'delivery.banner.change': 'Изменить адрес',
  'delivery.banner.cleared': 'Спасибо! Мы снова будем отправлять письма на ваш адрес.',
  'delivery.hold.retention':
    'Отчёты о том, дошло ли письмо (доставлено, вернулось, отмечено как спам), храним 90 дней, потом — только их количество; адрес, с которого письма окончательно возвращаются, остаётся в списке «не отправлять», пока вы его не измените или не подтвердите.',
  'activity.mail.address-reconfirmed': 'Вы подтвердили, что ваш адрес снова работает',

  'announce.ru': 'Русская версия (необязательно)',
  'announce.ru.hint': 'Те, кто выбрал русский, получат эту версию, остальные — основную.',
  'announce.ruSubject': 'Тема на русском',
  'announce.ruBody': 'Сообщение на русском',
  'announce.cs': 'Чешская версия (необязательно)',
  'announce.cs.hint': 'Те, кто выбрал чешский, получат эту версию, остальные — основную.',
  'announce.csSubject': 'Тема на чешском',
  'announce.csBody': 'Сообщение на чешском',
  'announce.error.translation.ru':
    'Заполните и тему, и сообщение на русском или не заполняйте ни то ни другое.',
  'announce.error.translation.cs':
    'Заполните и тему, и сообщение на чешском или не заполняйте ни то ни другое.',
};
