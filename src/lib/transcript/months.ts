/** English month names, lower case, January first: how the ministry's English titles and answers write dates. */
export const englishMonths = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
