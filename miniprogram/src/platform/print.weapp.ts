/** WeChat has no print dialog: the page suggests exporting or opening it on a computer instead. */
export const printPage = (): boolean => false
