/**
 * The booking domain: lessons and payments, their mails and calendar files, and the student's
 * own view of them. The staff console (src/staff) and the privacy registry use it through here.
 */
export { bookingsApi } from './api';
export { bookingsPageRoutes } from './pages';
export {
  paymentSchema,
  staffBookingSchema,
  toPaymentJson,
  toStaffBookingJson,
} from './api-schemas';
export {
  cancelBooking,
  createBooking,
  findBooking,
  findBookingOwner,
  updateBooking,
  type BookingResult,
} from './bookings-service';
export type { BookingRow } from './booking-mail';
export { recordPayment, type PaymentRow } from './payments-service';
export { formatBookingTime, formatMoney, formatPaidAt } from './format';
export { readTypedAmount, type TypedAmount } from './amount-input';
export {
  amountSchema,
  createBookingSchema,
  currencySchema,
  inputErrorMessages,
  recordPaymentSchema,
  updateBookingSchema,
  type InputError,
} from './schemas';
