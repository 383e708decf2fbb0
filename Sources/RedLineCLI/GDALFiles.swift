import GeoFormats

/// The reader every command hands the library: GDAL's formats, 界址点 files and GeoJSON.
let gdalFiles = GDALFeatureFiles()
