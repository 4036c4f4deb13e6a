/*
 * The Excel variant of CSV (write_csv.h): what Danish Excel opens right by
 * a double click -- ';' between fields (the list separator of a Danish
 * Windows), a decimal comma in amounts and day counts, CRLF line ends, and a
 * UTF-8 byte-order mark before the first line of each file (row_writer.c).
 * Same cells, same quoting and neutralising as rfy's CSV.
 */
#include "write_csv.h"

const csv_dialect WRITE_EXCEL = {';', ',', "\r\n"};
