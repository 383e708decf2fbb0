#ifndef CGEOS_SHIM_H
#define CGEOS_SHIM_H

// Only the re-entrant (_r) API: every call names the context it runs in, so each thread can own one.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#if GEOS_VERSION_MAJOR < 3 || (GEOS_VERSION_MAJOR == 3 && GEOS_VERSION_MINOR < 11)
#error "RedLine needs GEOS 3.11 or newer (Debian 12: libgeos-dev 3.11.1)"
#endif

#endif
