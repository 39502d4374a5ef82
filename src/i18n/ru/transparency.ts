import type { transparency as en } from '../en/transparency';
import type { Translation } from '../plural';

/**
 * Russian: who is responsible for the data and where to complain, who else processes it, and
 * every cookie (issue 19). Shown on /privacy, /cookies, the account's privacy page, in every
 * mail's footer and in the data export's README.
 */
export const transparency: Translation<typeof en> = {
  'controller.heading': 'Кто отвечает за ваши данные',
  'controller.who':
    '{name}, {address}, отвечает за ваши персональные данные (является их контролером). С любым вопросом или запросом о них пишите на {email}.',
  'controller.dpo': 'Наш ответственный за защиту данных: {email}.',
  'controller.complain':
    'Если вы считаете, что мы обрабатываем ваши данные незаконно, вы можете подать жалобу в надзорный орган, {authority}: {url}',
  'controller.example': 'Это данные школы-примера: этой установке еще не задали собственные.',

  'processors.heading': 'Кто еще обрабатывает ваши данные',
  'processors.lead':
    'Эти компании обрабатывают данные по нашему поручению, по договору, только с указанной целью и только в указанном месте.',
  'processors.none':
    'Других обработчиков нет: для этого сервиса вашими данными не занимается никто, кроме нас.',
  'processors.col.name': 'Компания',
  'processors.col.purpose': 'Для чего',
  'processors.col.location': 'Где',
  'processors.resend.purpose': 'Доставка почты: отправляет письма этого сервиса',
  'processors.resend.location': 'США',

  'cookies.col.without': 'Без него',
  'cookies.session.lifetimeRemember.one':
    'До закрытия браузера; если вы отметили «Запомнить меня» — {count} день после последнего посещения.',
  'cookies.session.lifetimeRemember.few':
    'До закрытия браузера; если вы отметили «Запомнить меня» — {count} дня после последнего посещения.',
  'cookies.session.lifetimeRemember.many':
    'До закрытия браузера; если вы отметили «Запомнить меня» — {count} дней после последнего посещения.',
  'cookies.session.lifetimeRemember.other':
    'До закрытия браузера; если вы отметили «Запомнить меня» — {count} дня после последнего посещения.',
  'cookies.session.without': 'Вы не сможете войти.',
  'cookies.lang.without':
    'Страницы показываются на языке вашего браузера, а после входа — на языке из настроек учетной записи.',
  'cookies.twoFactor.purpose':
    'Переносит двухэтапный вход от пароля к коду. Содержит случайный токен, а не ваш пароль.',
  'cookies.twoFactor.without': 'Вы не сможете завершить вход с кодом в браузере.',
  'cookies.passkey.purpose':
    'Привязывает вход с ключом доступа к браузеру, в котором его начали. Содержит случайный идентификатор, никаких секретов.',
  'cookies.passkey.without':
    'Вы не сможете войти с ключом доступа (вход по почте и паролю продолжит работать).',
  'cookies.minutes.one': '{count} минута',
  'cookies.minutes.few': '{count} минуты',
  'cookies.minutes.many': '{count} минут',
  'cookies.minutes.other': '{count} минуты',
  'cookies.untilClosed': 'До закрытия браузера',
  'cookies.sessionOnly':
    'Эта установка не хранит ни одного cookie после закрытия браузера: каждый cookie ниже исчезает вместе с сеансом браузера, а пункта «Запомнить меня» нет.',
  'cookies.refuse.heading': 'Как отказаться от cookie',
  'cookies.refuse.body':
    'Все эти cookie строго необходимы для того, что вы просите сайт сделать, поэтому мы не спрашиваем согласия. Вы можете заблокировать или удалить их в настройках браузера (обычно в разделе «Конфиденциальность», «Файлы cookie» или «Данные сайтов»). Публичные страницы продолжат работать; что именно перестанет работать, указано в таблице: без cookie сеанса вы не сможете войти.',
};
