// Snowball stemmers through libstemmer (Debian: libstemmer-dev).
#ifndef KIOKU_CSTEMMER_SHIM_H
#define KIOKU_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
