#ifndef CGDAL_SHIM_H
#define CGDAL_SHIM_H

// GDAL's C API, for reading the vector formats officials exchange (Shapefile, GeoPackage, KML, File Geodatabase).
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_error.h>

#endif
