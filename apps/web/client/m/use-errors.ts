// Shared by the faces since the staff console uses it too; kept here so the phone pages' imports stay.
export { useErrors } from '@shared/use-errors';
