import type { delivery as en } from '../en/delivery';

/** Ukrainian: announcement history, delivery reports, the suppression list, more translations. */
export const delivery: Record<keyof typeof en, string> = {
  'history.title': 'Надіслані оголошення',
  'history.lead':
    'Усі оголошення і те, скільки з них уже пішло. Числа беруться просто з черги листів і оновлюються під час розсилки.',
  'history.compose': 'Написати нове оголошення',
  'history.none': 'Ще не надіслано жодного оголошення.',
  'history.col.when': 'Надіслано',
  'history.col.subject': 'Тема',
  'history.col.list': 'Розсилка',
  'history.col.author': 'Автор',
  'history.col.progress': 'Хід розсилки',
  'history.authorGone': 'колишній працівник',
  'history.progress.sending': 'Триває: поштовому сервісу передано {sent} з {recipients}.',
  'history.progress.done': 'Завершено: поштовому сервісу передано {sent} з {recipients}.',
  'history.meta': 'Розсилка «{list}», автор — {author}, {when}.',
  'history.count.recipients': 'Одержувачів',
  'history.count.queued': 'Ще в черзі',
  'history.count.sent': 'Надіслано',
  'history.count.failed': 'Не вдалося',
  'history.count.suppressed': 'Затримано (лист повернувся або скарга на спам)',
  'history.count.cancelled': 'Скасовано (людина відписалася до надсилання)',
  'history.count.delivered': 'Доставлено за звітом',
  'history.count.bounced': 'Повернулося за звітом',
  'history.count.complained': 'Позначено як спам',
  'history.refresh': 'Оновити числа',
  'history.back': 'Усі надіслані оголошення',

  'delivery.suppressed.title': 'Адреси, на які ми більше не пишемо',
  'delivery.suppressed.lead':
    'На ці адреси не надсилаємо оголошень: листи на них остаточно повернулися або людина позначила лист як спам. Листи щодо облікового запису й далі йдуть. Кожна людина зі списку побачить у своєму кабінеті, що працівник переглядав цей список.',
  'delivery.suppressed.none': 'Жодну адресу не затримано.',
  'delivery.suppressed.noAccount': 'зараз цю адресу не має жоден обліковий запис',
  'delivery.col.person': 'Людина',
  'delivery.col.address': 'Адреса',
  'delivery.col.reason': 'Причина',
  'delivery.col.since': 'Відколи',
  'delivery.reason.bounce': 'Лист повернувся: скриньки немає або вона не приймає пошту',
  'delivery.reason.complaint': 'Позначено як спам',

  'delivery.banner.bounce.title': 'Лист на вашу адресу повернувся',
  'delivery.banner.bounce.body':
    'Наш останній лист на {email} не дійшов, тож ми припинили надсилати туди оголошення. Перевірте, чи немає в адресі помилки і чи не переповнена скринька. Листи щодо вашого облікового запису ми й далі намагаємося надсилати.',
  'delivery.banner.complaint.title': 'Ви позначили наш лист як спам',
  'delivery.banner.complaint.body':
    'Ваш поштовий сервіс повідомив, що лист на {email} позначено як спам, тож ми відписали вас від цієї розсилки й більше не надсилаємо туди оголошень. Листи щодо облікового запису надходитимуть і далі.',
  'delivery.banner.reconfirm': 'Адреса працює — надсилайте знову',
  'delivery.banner.change': 'Змінити адресу',
  'delivery.banner.cleared': 'Дякуємо! Ми знову надсилатимемо листи на вашу адресу.',
  'delivery.hold.retention':
    'Звіти про те, чи дійшов лист (доставлено, повернулося, позначено як спам), зберігаємо 90 днів, далі — лише їхню кількість; адреса, з якої листи остаточно повертаються, лишається в списку «не надсилати», доки ви її не зміните або не підтвердите.',
  'activity.mail.address-reconfirmed': 'Ви підтвердили, що ваша адреса знову працює',

  'announce.ru': 'Російська версія (необов’язково)',
  'announce.ru.hint': 'Ті, хто обрав російську, отримають цю версію; решта — основну.',
  'announce.ruSubject': 'Тема російською',
  'announce.ruBody': 'Повідомлення російською',
  'announce.cs': 'Чеська версія (необов’язково)',
  'announce.cs.hint': 'Ті, хто обрав чеську, отримають цю версію; решта — основну.',
  'announce.csSubject': 'Тема чеською',
  'announce.csBody': 'Повідомлення чеською',
  'announce.error.translation.ru':
    'Заповніть і тему, і повідомлення російською або не заповнюйте жодного.',
  'announce.error.translation.cs':
    'Заповніть і тему, і повідомлення чеською або не заповнюйте жодного.',
};
