import Screening

/// The colours of zone kinds on every map RedLine draws: the HTML report, the batch index and the web page.
public enum ZonePalette {
    /// Colours by kind (fill, stroke), chosen to read on paper as well as on screen.
    public static let colours: [ZoneKind: (String, String)] = [
        .ecologicalRedline: ("#e53935", "#b71c1c"), .natureReserve: ("#43a047", "#1b5e20"), .scenicArea: ("#8e24aa", "#4a148c"),
        .forestPark: ("#7cb342", "#33691e"), .wetlandPark: ("#00acc1", "#006064"), .geoPark: ("#8d6e63", "#3e2723"),
        .waterSource: ("#1e88e5", "#0d47a1"), .livestockNoGo: ("#fb8c00", "#e65100"), .controlUnit: ("#bdbdbd", "#757575"),
        .permanentEcoArea: ("#d81b60", "#880e4f"), .fuelBanZone: ("#6d4c41", "#3e2723"),
        .permanentFarmland: ("#c0ca33", "#827717"), .urbanDevelopmentBoundary: ("#90a4ae", "#455a64"), .adminDistrict: ("none", "#212121"),
    ]
}
