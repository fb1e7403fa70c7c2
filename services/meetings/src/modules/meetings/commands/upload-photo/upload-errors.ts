import { ApplicationError } from '@sangathan/kernel';

export class PayloadTooLargeError extends ApplicationError {
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends ApplicationError {
  readonly status = 415;
}
