import type { cabinet as en } from '../en/cabinet';
import type { Translation } from '../plural';

/** Russian: the personal cabinet. */
export const cabinet: Translation<typeof en> = {
  'overview.title': 'Мой кабинет',
  'overview.hello': 'Здравствуйте, {name}',
  'overview.restricted':
    'Обработка ваших данных ограничена с {date}: мы не отправляем вам необязательные письма, а сотрудники не могут изменять ваши данные.',
  'overview.restricted.lift': 'Посмотреть ограничение или снять его',
  'overview.deletionCancelled':
    'Вы вошли в учетную запись, и это отменило запрошенное вами удаление, поэтому учетная запись и данные сохраняются.',
  'overview.deletionCancelled.again': 'Все-таки удалить…',
  'overview.lead':
    'Все о вашей учетной записи в одном месте: ваши сведения, способы входа и ваши данные.',
  'overview.profile.missing.one':
    'Не заполнено {count} необязательное поле. Заполните его, если это поможет на занятиях.',
  'overview.profile.missing.few':
    'Не заполнено {count} необязательных поля. Заполните их, если это поможет на занятиях.',
  'overview.profile.missing.many':
    'Не заполнено {count} необязательных полей. Заполните их, если это поможет на занятиях.',
  'overview.profile.missing.other':
    'Не заполнено {count} необязательного поля. Заполните их, если это поможет на занятиях.',
  'overview.profile.complete': 'Ваш профиль заполнен.',
  'overview.profile.link': 'Редактировать профиль',
  // One key per plural category of Intl.PluralRules('ru'): 1, 21 · 2–4, 22 · 0, 5–20 · 1,5.
  'overview.security.sessions.one': 'Вход выполнен на {count} устройстве.',
  'overview.security.sessions.few': 'Вход выполнен на {count} устройствах.',
  'overview.security.sessions.many': 'Вход выполнен на {count} устройствах.',
  'overview.security.sessions.other': 'Вход выполнен на {count} устройства.',
  'overview.security.last': 'Предыдущий вход: {when}',
  'overview.security.link': 'Посмотреть вход и безопасность',
  'overview.bookings.body':
    'Ваши ближайшие занятия с файлами для календаря и оплаты, которые записала школа.',
  'overview.bookings.link': 'Посмотреть занятия и оплаты',
  'overview.privacy.body':
    'Все, что мы храним о вас: скачайте эти данные, ограничьте их использование или удалите учетную запись.',
  'overview.privacy.link': 'Открыть «Конфиденциальность и данные»',
  'overview.subscriptions.body':
    'Выберите, какие объявления получать по почте. Письма о занятиях и оплатах приходят всегда.',
  'overview.subscriptions.link': 'Управлять рассылками',
  'overview.timeZone.offer': 'В вашем браузере выбран часовой пояс {zone}. Показывать время в нем?',
  'overview.timeZone.use': 'Показывать время в этом поясе',
  'overview.timeZone.keep': 'Оставить UTC',
  'overview.timeZone.set': 'Теперь время показывается в часовом поясе {zone}.',
  'overview.verified': 'подтвержден',
  'overview.memberSince': 'Учетная запись создана',

  'profile.title': 'Профиль',
  'profile.lead':
    'Следите, чтобы ваши данные были верными. Их видят только сотрудники, которые с вами работают.',
  'profile.email': 'Адрес почты',
  'profile.email.change': 'изменить',
  'profile.phone': 'Телефон (необязательно)',
  'profile.phone.hint': 'С кодом страны, например +380 44 123 4567.',
  'profile.videoHandle': 'Учетная запись для видеозвонков (необязательно)',
  'profile.videoHandle.hint': 'Ваше имя в Skype, Zoom или похожем сервисе — для онлайн-занятий.',
  'profile.goals': 'Ваши цели и пожелания (необязательно)',
  'profile.goals.hint': 'Своими словами: чему вы хотите научиться или чего достичь.',
  'profile.locale': 'Язык страниц и писем',
  'profile.timeZone': 'Часовой пояс',
  'profile.timeZone.hint':
    'Даты и время на ваших страницах показываются в этом поясе, например Europe/Kyiv. Если поле пустое, они показываются по UTC.',
  'profile.timeZone.detect': 'Использовать часовой пояс этого устройства: {zone}',
  'profile.timeZone.invalid': 'Выберите часовой пояс из списка, например Europe/Kyiv.',

  'security.title': 'Вход и безопасность',
  'security.password': 'Пароль',
  'security.currentPassword': 'Текущий пароль',
  'security.password.others': 'После смены пароля вы выйдете на всех других устройствах.',
  'security.password.submit': 'Сменить пароль',
  'security.email': 'Адрес почты',
  'security.email.lead': 'Мы отправим ссылку на новый адрес; адрес сменится, когда вы ее откроете.',
  'security.newEmail': 'Новый адрес почты',
  'security.email.submit': 'Отправить ссылку для подтверждения',
  'security.sessions': 'Где выполнен вход',
  'security.col.device': 'Устройство',
  'security.col.ip': 'IP-адрес',
  'security.col.lastSeen': 'Последняя активность',
  'security.col.action': 'Действие',
  'security.col.when': 'Когда',
  'security.col.what': 'Что произошло',
  'security.thisDevice': 'Это устройство',
  'security.endSession': 'Выйти там',
  'security.endOthers': 'Выйти на всех других устройствах ({count})',
  'security.endOthers.title': 'Выйти на всех других устройствах?',
  'security.endOthers.body':
    'Здесь вы останетесь в системе. Остальные сеансы ({count}) будут сразу завершены.',
  'security.activity': 'Недавние действия',
  'security.activity.lead':
    'Входы, изменения учетной записи и каждый просмотр ваших данных сотрудником.',
  'security.bySchool': 'со стороны школы ({role})',
  'security.bySchool.noRole': 'со стороны школы',
  'security.role.staff': 'сотрудник',
  'security.role.admin': 'администратор',
  'security.notice.password-changed': 'Пароль изменен. На других устройствах сеансы завершены.',
  'security.notice.email-sent': 'Мы отправили ссылку для подтверждения на новый адрес.',
  'security.notice.session-ended': 'Этот сеанс завершен.',
  'security.notice.others-ended': 'Вы вышли на всех других устройствах.',

  'security.notice.passkey-added': 'Ключ доступа добавлен. Теперь с ним можно входить.',
  'security.notice.passkey-renamed': 'Ключ доступа переименован.',
  'security.notice.passkey-removed': 'Ключ доступа удален.',
  'security.notice.passkey-needs-js':
    'Чтобы добавить ключ доступа, нужен JavaScript, а в этом браузере он отключен.',
  'security.notice.two-factor-disabled': 'Двухэтапный вход отключен.',

  'activity.account.registered': 'Учетная запись создана',
  'activity.registration.attempted-existing': 'Кто-то пытался зарегистрироваться с вашим адресом',
  'activity.registration.attempted-unverified':
    'Кто-то повторно зарегистрировался с вашим адресом до его подтверждения',
  'activity.registration.disowned':
    'Ссылка для подтверждения использована, чтобы задать новый пароль',
  'activity.email.verified': 'Адрес почты подтвержден',
  'activity.sign-in': 'Вход',
  'activity.sign-in.failed': 'Неудачная попытка входа',
  'activity.sign-out': 'Выход',
  'activity.account.locked': 'Вход приостановлен после слишком многих неудачных попыток',
  'activity.password.reset-requested': 'Запрошено восстановление пароля',
  'activity.password.reset': 'Пароль задан по ссылке для восстановления',
  'activity.password.changed': 'Пароль изменен',
  'activity.password.check-failed': 'Неверный пароль при подтверждении личности',
  'activity.reauth': 'Личность подтверждена для важного действия',
  'activity.email.change-requested': 'Запрошена смена адреса почты',
  'activity.email.changed': 'Адрес почты изменен',
  'activity.session.ended': 'Сеанс завершен',
  'activity.sessions.ended-others': 'Выход на всех других устройствах',
  'activity.account.secured-not-me': 'Учетная запись защищена после «Это был не я»',
  'activity.profile.updated': 'Профиль обновлен',
  'activity.deletion.cancelled': 'Удаление учетной записи отменено',
  'activity.passkey.added': 'Добавлен ключ доступа',
  'activity.passkey.renamed': 'Ключ доступа переименован',
  'activity.passkey.removed': 'Ключ доступа удален',
  'activity.passkey.counter-regression': 'Отклонен ключ доступа, похожий на скопированный',
  'activity.two-factor.enabled': 'Двухэтапный вход включен',
  'activity.two-factor.disabled': 'Двухэтапный вход отключен',
  'activity.two-factor.recovery-codes-regenerated': 'Созданы новые резервные коды',
  'activity.two-factor.recovery-code-used': 'Вход с резервным кодом',
  'activity.two-factor.failed': 'Неверный код двухэтапного входа',
  'activity.role.changed': 'Назначен администратором из командной строки сервера',
  // Repeated views in one visit, after the action: "— 15 раз с 10:02 до 10:04".
  // One key per plural category of Intl.PluralRules('ru'): 1, 21 · 2–4, 22 · 0, 5–20 · 1,5.
  'activity.repeated.one': '{count} раз с {first} до {last}',
  'activity.repeated.few': '{count} раза с {first} до {last}',
  'activity.repeated.many': '{count} раз с {first} до {last}',
  'activity.repeated.other': '{count} раза с {first} до {last}',
};
