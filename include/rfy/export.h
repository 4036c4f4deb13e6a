/*
 * RFY_API marks the functions and data librfy exports.
 *
 * The library is built with -fvisibility=hidden: everything not marked here
 * (the rule functions rfy__*, the internal reader and loop helpers) stays
 * inside librfy.so, so a program can only depend on what the public headers
 * promise.  Programs that include these headers need do nothing.
 */
#ifndef RFY_EXPORT_H
#define RFY_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define RFY_API __attribute__((visibility("default")))
#else
#define RFY_API
#endif

/* C++ programs see C linkage. */
#ifdef __cplusplus
#define RFY_BEGIN_DECLS extern "C" {
#define RFY_END_DECLS }
#else
#define RFY_BEGIN_DECLS
#define RFY_END_DECLS
#endif

#endif
