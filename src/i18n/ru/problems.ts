import type { problems as en } from '../en/problems';

/** Russian: the titles of the API's problem+json answers; see ../en/problems.ts. */
export const problems: Record<keyof typeof en, string> = {
  'problem.bad-origin': 'Запрос с другого сайта отклонен',
  'problem.booking-cancelled': 'Эта запись уже отменена',
  'problem.code-used': 'Этот код уже использован; дождитесь следующего',
  'problem.cross-site': 'Откройте это с наших страниц',
  'problem.email-not-verified': 'Сначала подтвердите адрес почты',
  'problem.email-taken': 'Этот адрес уже принадлежит другой учетной записи',
  'problem.forbidden': 'Вам это не разрешено',
  'problem.invalid-code': 'Неверный код',
  'problem.invalid-credentials': 'Неверный адрес почты или пароль',
  'problem.last-sign-in-method': 'Этот ключ доступа — ваш единственный способ войти',
  'problem.last-sign-in-method.detail':
    'Сначала добавьте еще один ключ доступа или задайте пароль.',
  'problem.mandatory-list':
    'Служебная рассылка приносит письма о вашей учетной записи; от нее нельзя отписаться, и она не для объявлений',
  'problem.not-found': 'Не найдено',
  'problem.not-restricted': 'Обработка данных этого человека не ограничена',
  'problem.not-staff': 'Эта учетная запись не принадлежит сотруднику',
  'problem.own-role': 'Изменить собственную роль нельзя',
  'problem.password-reset-required': 'Задайте новый пароль по ссылке из письма',
  'problem.policy-acceptance-required':
    'Чтобы продолжить, примите действующую политику конфиденциальности',
  'problem.policy-version-exists': 'Эта версия уже опубликована',
  'problem.policy-version-not-current': 'Эта версия не действует и не запланирована',
  'problem.processing-restricted': 'Обработка данных этого человека ограничена',
  'problem.processing-restricted.detail':
    'Человек ограничил обработку своих данных; их нельзя изменять, пока ограничение не снято. Отменить занятие по-прежнему можно.',
  'problem.rate-limited': 'Слишком много попыток; повторите позже',
  'problem.reauth-required': 'Подтвердите, что это вы: войдите еще раз, чтобы продолжить',
  'problem.too-large': 'Тело запроса слишком большое',
  'problem.two-factor-expired': 'Этот вход завершен или истек; войдите снова',
  'problem.two-factor-off': 'Двухэтапный вход не включен',
  'problem.two-factor-on': 'Двухэтапный вход уже включен',
  'problem.two-factor-setup-missing': 'Начните с POST /me/2fa/setup (настройка действует 30 минут)',
  'problem.two-factor-unavailable':
    'Коды приложения-аутентификатора сейчас нельзя проверить; резервный код работает',
  'problem.unauthenticated': 'Войдите, чтобы продолжить',
  'problem.validation': 'Неверный запрос',
  'problem.weak-password': 'Выберите другой пароль',
  'problem.wrong-password': 'Текущий пароль неверен',
};
