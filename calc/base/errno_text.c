/*
 * The system's reasons in Danish (rfy/messages.h rfy_errno_text): the
 * errno values a payroll officer meets reading and writing files, a
 * directory or a port, with the engine's own words, so "kan ikke læse
 * løn.csv: filen eller mappen findes ikke" is Danish all through.  Any other
 * errno, and English, is the C library's own text.
 */
#include <errno.h>
#include <string.h>

#include <rfy/messages.h>

typedef struct errno_da {
    int errnum;
    const char *da;
} errno_da;

static const errno_da ERRNO_DA[] = {
    {ENOENT, "filen eller mappen findes ikke"},
    {EACCES, "ingen adgang"},
    {EPERM, "handlingen er ikke tilladt"},
    {ENOSPC, "disken er fuld"},
#ifdef EDQUOT
    {EDQUOT, "diskkvoten er brugt op"},
#endif
    {EISDIR, "det er en mappe"},
    {ENOTDIR, "en del af stien er ikke en mappe"},
    {EROFS, "filsystemet er skrivebeskyttet"},
    {EEXIST, "filen findes allerede"},
    {EIO, "fejl ved læsning eller skrivning (I/O-fejl)"},
    {EMFILE, "for mange åbne filer"},
    {ENFILE, "for mange åbne filer i systemet"},
    {ENOMEM, "ikke nok hukommelse"},
    {ENAMETOOLONG, "filnavnet er for langt"},
    {ELOOP, "for mange symbolske links i stien"},
    {EBUSY, "enheden eller filen er optaget"},
    {ETXTBSY, "filen er i brug"},
    {EFBIG, "filen er for stor"},
    {EPIPE, "modtageren har lukket forbindelsen (brudt rør)"},
    {EINVAL, "ugyldigt argument"},
    {EAGAIN, "ressourcen er midlertidigt utilgængelig: prøv igen"},
    {EINTR, "afbrudt"},
    {EXDEV, "filerne ligger på hvert sit filsystem"},
    {ENXIO, "enheden eller adressen findes ikke"},
    {ENODEV, "enheden findes ikke"},
    {ENOTEMPTY, "mappen er ikke tom"},
    {EADDRINUSE, "adressen er allerede i brug"},
    {EADDRNOTAVAIL, "adressen findes ikke på denne maskine"},
    {ECONNREFUSED, "forbindelsen blev afvist"},
    {ECONNRESET, "forbindelsen blev afbrudt af modparten"},
    {ETIMEDOUT, "tiden løb ud"},
};

const char *rfy_errno_text(int errnum, rfy_lang lang) {
    if (lang != RFY_LANG_EN)
        for (size_t i = 0; i < sizeof ERRNO_DA / sizeof ERRNO_DA[0]; i++)
            if (ERRNO_DA[i].errnum == errnum)
                return ERRNO_DA[i].da;
    return strerror(errnum);
}
