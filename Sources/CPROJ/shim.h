#ifndef CPROJ_SHIM_H
#define CPROJ_SHIM_H

#include <proj.h>
// GeographicLib's C port, shipped with PROJ: geodesic areas and lengths on an ellipsoid.
#include <geodesic.h>

#if PROJ_VERSION_MAJOR < 9
#error "RedLine needs PROJ 9 or newer (Debian 12: libproj-dev 9.1.1)"
#endif

#endif
