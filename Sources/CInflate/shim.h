// zlib (Debian: zlib1g-dev), for the raw deflate streams inside .docx files. (Not named CZlib:
// ZIPFoundation, which the tests use to make .docx files, has a module of that name.)
#ifndef KIOKU_CINFLATE_SHIM_H
#define KIOKU_CINFLATE_SHIM_H
#include <zlib.h>
#endif
