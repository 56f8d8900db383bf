// The country table: one row per state or territory, compiled into the library.
//
// Rows cover every ISO 3166-1 entry (so a territory named in some source still
// resolves) plus the historic states that sat in the UN (SUN, YUG, SCG, CSK, DDR,
// YAR, YMD, EAZ), South Vietnam (RVN, a COW state) and Kosovo (XKX, a COW state with
// no ISO code). ISO codes, M49 numbers and regions follow ISO 3166 / UN M49; COW
// codes follow the Correlates of War state list. tests/registry checks every row
// against the reference CSVs; docs/registry.md explains each judgement call.
#include "registry/country_table.hpp"

namespace rostrum::registry::table {
namespace {

// Columns: iso3, iso2, COW code, COW abbreviation, M49, region, sub-region, display
// name, successors, historic.
//
// Judgement calls (see docs/registry.md):
// - COW 365 goes to RUS and COW 345 to YUG: COW gives the USSR and Russia one code,
//   and Yugoslavia / Serbia and Montenegro / Serbia one code; the successor links
//   carry the chain. DEU takes COW 255 (GMY); West Germany's 260 (GFR) is an alias.
// - SCG has no ISO2 here: "CS" was reused by ISO for Serbia and Montenegro
//   (2003-2006) after Czechoslovakia, and the vote data uses it for Czechoslovakia.
// - TWN: ISO numeric 158 used as its M49 number and Asia / Eastern Asia as its
//   region; M49 itself does not list Taiwan.
// - YAR has no ISO2: North Yemen's "YE" passed to unified Yemen.
constexpr Country kRows[] = {
    {"ABW", "AW", 0, "", 533, "Americas", "Latin America and the Caribbean", "Aruba", "", false},
    {"AFG", "AF", 700, "AFG", 4, "Asia", "Southern Asia", "Afghanistan", "", false},
    {"AGO", "AO", 540, "ANG", 24, "Africa", "Sub-Saharan Africa", "Angola", "", false},
    {"AIA", "AI", 0, "", 660, "Americas", "Latin America and the Caribbean", "Anguilla", "", false},
    {"ALA", "AX", 0, "", 248, "Europe", "Northern Europe", "Åland Islands", "", false},
    {"ALB", "AL", 339, "ALB", 8, "Europe", "Southern Europe", "Albania", "", false},
    {"AND", "AD", 232, "AND", 20, "Europe", "Southern Europe", "Andorra", "", false},
    {"ARE", "AE", 696, "UAE", 784, "Asia", "Western Asia", "United Arab Emirates", "", false},
    {"ARG", "AR", 160, "ARG", 32, "Americas", "Latin America and the Caribbean", "Argentina", "", false},
    {"ARM", "AM", 371, "ARM", 51, "Asia", "Western Asia", "Armenia", "", false},
    {"ASM", "AS", 0, "", 16, "Oceania", "Polynesia", "American Samoa", "", false},
    {"ATA", "AQ", 0, "", 10, "", "", "Antarctica", "", false},
    {"ATF", "TF", 0, "", 260, "Africa", "Sub-Saharan Africa", "French Southern Territories", "", false},
    {"ATG", "AG", 58, "AAB", 28, "Americas", "Latin America and the Caribbean", "Antigua and Barbuda", "", false},
    {"AUS", "AU", 900, "AUL", 36, "Oceania", "Australia and New Zealand", "Australia", "", false},
    {"AUT", "AT", 305, "AUS", 40, "Europe", "Western Europe", "Austria", "", false},
    {"AZE", "AZ", 373, "AZE", 31, "Asia", "Western Asia", "Azerbaijan", "", false},
    {"BDI", "BI", 516, "BUI", 108, "Africa", "Sub-Saharan Africa", "Burundi", "", false},
    {"BEL", "BE", 211, "BEL", 56, "Europe", "Western Europe", "Belgium", "", false},
    {"BEN", "BJ", 434, "BEN", 204, "Africa", "Sub-Saharan Africa", "Benin", "", false},
    {"BES", "BQ", 0, "", 535, "Americas", "Latin America and the Caribbean", "Bonaire, Sint Eustatius and Saba", "",
     false},
    {"BFA", "BF", 439, "BFO", 854, "Africa", "Sub-Saharan Africa", "Burkina Faso", "", false},
    {"BGD", "BD", 771, "BNG", 50, "Asia", "Southern Asia", "Bangladesh", "", false},
    {"BGR", "BG", 355, "BUL", 100, "Europe", "Eastern Europe", "Bulgaria", "", false},
    {"BHR", "BH", 692, "BAH", 48, "Asia", "Western Asia", "Bahrain", "", false},
    {"BHS", "BS", 31, "BHM", 44, "Americas", "Latin America and the Caribbean", "Bahamas", "", false},
    {"BIH", "BA", 346, "BOS", 70, "Europe", "Southern Europe", "Bosnia and Herzegovina", "", false},
    {"BLM", "BL", 0, "", 652, "Americas", "Latin America and the Caribbean", "Saint Barthélemy", "", false},
    {"BLR", "BY", 370, "BLR", 112, "Europe", "Eastern Europe", "Belarus", "", false},
    {"BLZ", "BZ", 80, "BLZ", 84, "Americas", "Latin America and the Caribbean", "Belize", "", false},
    {"BMU", "BM", 0, "", 60, "Americas", "Northern America", "Bermuda", "", false},
    {"BOL", "BO", 145, "BOL", 68, "Americas", "Latin America and the Caribbean", "Bolivia (Plurinational State of)", "",
     false},
    {"BRA", "BR", 140, "BRA", 76, "Americas", "Latin America and the Caribbean", "Brazil", "", false},
    {"BRB", "BB", 53, "BAR", 52, "Americas", "Latin America and the Caribbean", "Barbados", "", false},
    {"BRN", "BN", 835, "BRU", 96, "Asia", "South-eastern Asia", "Brunei Darussalam", "", false},
    {"BTN", "BT", 760, "BHU", 64, "Asia", "Southern Asia", "Bhutan", "", false},
    {"BVT", "BV", 0, "", 74, "Americas", "Latin America and the Caribbean", "Bouvet Island", "", false},
    {"BWA", "BW", 571, "BOT", 72, "Africa", "Sub-Saharan Africa", "Botswana", "", false},
    {"CAF", "CF", 482, "CEN", 140, "Africa", "Sub-Saharan Africa", "Central African Republic", "", false},
    {"CAN", "CA", 20, "CAN", 124, "Americas", "Northern America", "Canada", "", false},
    {"CCK", "CC", 0, "", 166, "Oceania", "Australia and New Zealand", "Cocos (Keeling) Islands", "", false},
    {"CHE", "CH", 225, "SWZ", 756, "Europe", "Western Europe", "Switzerland", "", false},
    {"CHL", "CL", 155, "CHL", 152, "Americas", "Latin America and the Caribbean", "Chile", "", false},
    {"CHN", "CN", 710, "CHN", 156, "Asia", "Eastern Asia", "China", "", false},
    {"CIV", "CI", 437, "CDI", 384, "Africa", "Sub-Saharan Africa", "Côte d'Ivoire", "", false},
    {"CMR", "CM", 471, "CAO", 120, "Africa", "Sub-Saharan Africa", "Cameroon", "", false},
    {"COD", "CD", 490, "DRC", 180, "Africa", "Sub-Saharan Africa", "Democratic Republic of the Congo", "", false},
    {"COG", "CG", 484, "CON", 178, "Africa", "Sub-Saharan Africa", "Congo", "", false},
    {"COK", "CK", 0, "", 184, "Oceania", "Polynesia", "Cook Islands", "", false},
    {"COL", "CO", 100, "COL", 170, "Americas", "Latin America and the Caribbean", "Colombia", "", false},
    {"COM", "KM", 581, "COM", 174, "Africa", "Sub-Saharan Africa", "Comoros", "", false},
    {"CPV", "CV", 402, "CAP", 132, "Africa", "Sub-Saharan Africa", "Cabo Verde", "", false},
    {"CRI", "CR", 94, "COS", 188, "Americas", "Latin America and the Caribbean", "Costa Rica", "", false},
    {"CSK", "CS", 315, "CZE", 200, "Europe", "Eastern Europe", "Czechoslovakia", "CZE,SVK", true},
    {"CUB", "CU", 40, "CUB", 192, "Americas", "Latin America and the Caribbean", "Cuba", "", false},
    {"CUW", "CW", 0, "", 531, "Americas", "Latin America and the Caribbean", "Curaçao", "", false},
    {"CXR", "CX", 0, "", 162, "Oceania", "Australia and New Zealand", "Christmas Island", "", false},
    {"CYM", "KY", 0, "", 136, "Americas", "Latin America and the Caribbean", "Cayman Islands", "", false},
    {"CYP", "CY", 352, "CYP", 196, "Asia", "Western Asia", "Cyprus", "", false},
    {"CZE", "CZ", 316, "CZR", 203, "Europe", "Eastern Europe", "Czechia", "", false},
    {"DDR", "DD", 265, "GDR", 278, "Europe", "Western Europe", "German Democratic Republic", "DEU", true},
    {"DEU", "DE", 255, "GMY", 276, "Europe", "Western Europe", "Germany", "", false},
    {"DJI", "DJ", 522, "DJI", 262, "Africa", "Sub-Saharan Africa", "Djibouti", "", false},
    {"DMA", "DM", 54, "DMA", 212, "Americas", "Latin America and the Caribbean", "Dominica", "", false},
    {"DNK", "DK", 390, "DEN", 208, "Europe", "Northern Europe", "Denmark", "", false},
    {"DOM", "DO", 42, "DOM", 214, "Americas", "Latin America and the Caribbean", "Dominican Republic", "", false},
    {"DZA", "DZ", 615, "ALG", 12, "Africa", "Northern Africa", "Algeria", "", false},
    {"EAZ", "", 511, "ZAN", 0, "Africa", "Sub-Saharan Africa", "Zanzibar", "TZA", true},
    {"ECU", "EC", 130, "ECU", 218, "Americas", "Latin America and the Caribbean", "Ecuador", "", false},
    {"EGY", "EG", 651, "EGY", 818, "Africa", "Northern Africa", "Egypt", "", false},
    {"ERI", "ER", 531, "ERI", 232, "Africa", "Sub-Saharan Africa", "Eritrea", "", false},
    {"ESH", "EH", 0, "", 732, "Africa", "Northern Africa", "Western Sahara", "", false},
    {"ESP", "ES", 230, "SPN", 724, "Europe", "Southern Europe", "Spain", "", false},
    {"EST", "EE", 366, "EST", 233, "Europe", "Northern Europe", "Estonia", "", false},
    {"ETH", "ET", 530, "ETH", 231, "Africa", "Sub-Saharan Africa", "Ethiopia", "", false},
    {"FIN", "FI", 375, "FIN", 246, "Europe", "Northern Europe", "Finland", "", false},
    {"FJI", "FJ", 950, "FIJ", 242, "Oceania", "Melanesia", "Fiji", "", false},
    {"FLK", "FK", 0, "", 238, "Americas", "Latin America and the Caribbean", "Falkland Islands (Malvinas)", "", false},
    {"FRA", "FR", 220, "FRN", 250, "Europe", "Western Europe", "France", "", false},
    {"FRO", "FO", 0, "", 234, "Europe", "Northern Europe", "Faroe Islands", "", false},
    {"FSM", "FM", 987, "FSM", 583, "Oceania", "Micronesia", "Micronesia (Federated States of)", "", false},
    {"GAB", "GA", 481, "GAB", 266, "Africa", "Sub-Saharan Africa", "Gabon", "", false},
    {"GBR", "GB", 200, "UKG", 826, "Europe", "Northern Europe", "United Kingdom", "", false},
    {"GEO", "GE", 372, "GRG", 268, "Asia", "Western Asia", "Georgia", "", false},
    {"GGY", "GG", 0, "", 831, "Europe", "Northern Europe", "Guernsey", "", false},
    {"GHA", "GH", 452, "GHA", 288, "Africa", "Sub-Saharan Africa", "Ghana", "", false},
    {"GIB", "GI", 0, "", 292, "Europe", "Southern Europe", "Gibraltar", "", false},
    {"GIN", "GN", 438, "GUI", 324, "Africa", "Sub-Saharan Africa", "Guinea", "", false},
    {"GLP", "GP", 0, "", 312, "Americas", "Latin America and the Caribbean", "Guadeloupe", "", false},
    {"GMB", "GM", 420, "GAM", 270, "Africa", "Sub-Saharan Africa", "Gambia", "", false},
    {"GNB", "GW", 404, "GNB", 624, "Africa", "Sub-Saharan Africa", "Guinea-Bissau", "", false},
    {"GNQ", "GQ", 411, "EQG", 226, "Africa", "Sub-Saharan Africa", "Equatorial Guinea", "", false},
    {"GRC", "GR", 350, "GRC", 300, "Europe", "Southern Europe", "Greece", "", false},
    {"GRD", "GD", 55, "GRN", 308, "Americas", "Latin America and the Caribbean", "Grenada", "", false},
    {"GRL", "GL", 0, "", 304, "Americas", "Northern America", "Greenland", "", false},
    {"GTM", "GT", 90, "GUA", 320, "Americas", "Latin America and the Caribbean", "Guatemala", "", false},
    {"GUF", "GF", 0, "", 254, "Americas", "Latin America and the Caribbean", "French Guiana", "", false},
    {"GUM", "GU", 0, "", 316, "Oceania", "Micronesia", "Guam", "", false},
    {"GUY", "GY", 110, "GUY", 328, "Americas", "Latin America and the Caribbean", "Guyana", "", false},
    {"HKG", "HK", 0, "", 344, "Asia", "Eastern Asia", "Hong Kong", "", false},
    {"HMD", "HM", 0, "", 334, "Oceania", "Australia and New Zealand", "Heard Island and McDonald Islands", "", false},
    {"HND", "HN", 91, "HON", 340, "Americas", "Latin America and the Caribbean", "Honduras", "", false},
    {"HRV", "HR", 344, "CRO", 191, "Europe", "Southern Europe", "Croatia", "", false},
    {"HTI", "HT", 41, "HAI", 332, "Americas", "Latin America and the Caribbean", "Haiti", "", false},
    {"HUN", "HU", 310, "HUN", 348, "Europe", "Eastern Europe", "Hungary", "", false},
    {"IDN", "ID", 850, "INS", 360, "Asia", "South-eastern Asia", "Indonesia", "", false},
    {"IMN", "IM", 0, "", 833, "Europe", "Northern Europe", "Isle of Man", "", false},
    {"IND", "IN", 750, "IND", 356, "Asia", "Southern Asia", "India", "", false},
    {"IOT", "IO", 0, "", 86, "Africa", "Sub-Saharan Africa", "British Indian Ocean Territory", "", false},
    {"IRL", "IE", 205, "IRE", 372, "Europe", "Northern Europe", "Ireland", "", false},
    {"IRN", "IR", 630, "IRN", 364, "Asia", "Southern Asia", "Iran (Islamic Republic of)", "", false},
    {"IRQ", "IQ", 645, "IRQ", 368, "Asia", "Western Asia", "Iraq", "", false},
    {"ISL", "IS", 395, "ICE", 352, "Europe", "Northern Europe", "Iceland", "", false},
    {"ISR", "IL", 666, "ISR", 376, "Asia", "Western Asia", "Israel", "", false},
    {"ITA", "IT", 325, "ITA", 380, "Europe", "Southern Europe", "Italy", "", false},
    {"JAM", "JM", 51, "JAM", 388, "Americas", "Latin America and the Caribbean", "Jamaica", "", false},
    {"JEY", "JE", 0, "", 832, "Europe", "Northern Europe", "Jersey", "", false},
    {"JOR", "JO", 663, "JOR", 400, "Asia", "Western Asia", "Jordan", "", false},
    {"JPN", "JP", 740, "JPN", 392, "Asia", "Eastern Asia", "Japan", "", false},
    {"KAZ", "KZ", 705, "KZK", 398, "Asia", "Central Asia", "Kazakhstan", "", false},
    {"KEN", "KE", 501, "KEN", 404, "Africa", "Sub-Saharan Africa", "Kenya", "", false},
    {"KGZ", "KG", 703, "KYR", 417, "Asia", "Central Asia", "Kyrgyzstan", "", false},
    {"KHM", "KH", 811, "CAM", 116, "Asia", "South-eastern Asia", "Cambodia", "", false},
    {"KIR", "KI", 946, "KIR", 296, "Oceania", "Micronesia", "Kiribati", "", false},
    {"KNA", "KN", 60, "SKN", 659, "Americas", "Latin America and the Caribbean", "Saint Kitts and Nevis", "", false},
    {"KOR", "KR", 732, "ROK", 410, "Asia", "Eastern Asia", "Republic of Korea", "", false},
    {"KWT", "KW", 690, "KUW", 414, "Asia", "Western Asia", "Kuwait", "", false},
    {"LAO", "LA", 812, "LAO", 418, "Asia", "South-eastern Asia", "Lao People's Democratic Republic", "", false},
    {"LBN", "LB", 660, "LEB", 422, "Asia", "Western Asia", "Lebanon", "", false},
    {"LBR", "LR", 450, "LBR", 430, "Africa", "Sub-Saharan Africa", "Liberia", "", false},
    {"LBY", "LY", 620, "LIB", 434, "Africa", "Northern Africa", "Libya", "", false},
    {"LCA", "LC", 56, "SLU", 662, "Americas", "Latin America and the Caribbean", "Saint Lucia", "", false},
    {"LIE", "LI", 223, "LIE", 438, "Europe", "Western Europe", "Liechtenstein", "", false},
    {"LKA", "LK", 780, "SRI", 144, "Asia", "Southern Asia", "Sri Lanka", "", false},
    {"LSO", "LS", 570, "LES", 426, "Africa", "Sub-Saharan Africa", "Lesotho", "", false},
    {"LTU", "LT", 368, "LIT", 440, "Europe", "Northern Europe", "Lithuania", "", false},
    {"LUX", "LU", 212, "LUX", 442, "Europe", "Western Europe", "Luxembourg", "", false},
    {"LVA", "LV", 367, "LAT", 428, "Europe", "Northern Europe", "Latvia", "", false},
    {"MAC", "MO", 0, "", 446, "Asia", "Eastern Asia", "Macao", "", false},
    {"MAF", "MF", 0, "", 663, "Americas", "Latin America and the Caribbean", "Saint Martin (French part)", "", false},
    {"MAR", "MA", 600, "MOR", 504, "Africa", "Northern Africa", "Morocco", "", false},
    {"MCO", "MC", 221, "MNC", 492, "Europe", "Western Europe", "Monaco", "", false},
    {"MDA", "MD", 359, "MLD", 498, "Europe", "Eastern Europe", "Republic of Moldova", "", false},
    {"MDG", "MG", 580, "MAG", 450, "Africa", "Sub-Saharan Africa", "Madagascar", "", false},
    {"MDV", "MV", 781, "MAD", 462, "Asia", "Southern Asia", "Maldives", "", false},
    {"MEX", "MX", 70, "MEX", 484, "Americas", "Latin America and the Caribbean", "Mexico", "", false},
    {"MHL", "MH", 983, "MSI", 584, "Oceania", "Micronesia", "Marshall Islands", "", false},
    {"MKD", "MK", 343, "MAC", 807, "Europe", "Southern Europe", "North Macedonia", "", false},
    {"MLI", "ML", 432, "MLI", 466, "Africa", "Sub-Saharan Africa", "Mali", "", false},
    {"MLT", "MT", 338, "MLT", 470, "Europe", "Southern Europe", "Malta", "", false},
    {"MMR", "MM", 775, "MYA", 104, "Asia", "South-eastern Asia", "Myanmar", "", false},
    {"MNE", "ME", 341, "MNG", 499, "Europe", "Southern Europe", "Montenegro", "", false},
    {"MNG", "MN", 712, "MON", 496, "Asia", "Eastern Asia", "Mongolia", "", false},
    {"MNP", "MP", 0, "", 580, "Oceania", "Micronesia", "Northern Mariana Islands", "", false},
    {"MOZ", "MZ", 541, "MZM", 508, "Africa", "Sub-Saharan Africa", "Mozambique", "", false},
    {"MRT", "MR", 435, "MAA", 478, "Africa", "Sub-Saharan Africa", "Mauritania", "", false},
    {"MSR", "MS", 0, "", 500, "Americas", "Latin America and the Caribbean", "Montserrat", "", false},
    {"MTQ", "MQ", 0, "", 474, "Americas", "Latin America and the Caribbean", "Martinique", "", false},
    {"MUS", "MU", 590, "MAS", 480, "Africa", "Sub-Saharan Africa", "Mauritius", "", false},
    {"MWI", "MW", 553, "MAW", 454, "Africa", "Sub-Saharan Africa", "Malawi", "", false},
    {"MYS", "MY", 820, "MAL", 458, "Asia", "South-eastern Asia", "Malaysia", "", false},
    {"MYT", "YT", 0, "", 175, "Africa", "Sub-Saharan Africa", "Mayotte", "", false},
    {"NAM", "NA", 565, "NAM", 516, "Africa", "Sub-Saharan Africa", "Namibia", "", false},
    {"NCL", "NC", 0, "", 540, "Oceania", "Melanesia", "New Caledonia", "", false},
    {"NER", "NE", 436, "NIR", 562, "Africa", "Sub-Saharan Africa", "Niger", "", false},
    {"NFK", "NF", 0, "", 574, "Oceania", "Australia and New Zealand", "Norfolk Island", "", false},
    {"NGA", "NG", 475, "NIG", 566, "Africa", "Sub-Saharan Africa", "Nigeria", "", false},
    {"NIC", "NI", 93, "NIC", 558, "Americas", "Latin America and the Caribbean", "Nicaragua", "", false},
    {"NIU", "NU", 0, "", 570, "Oceania", "Polynesia", "Niue", "", false},
    {"NLD", "NL", 210, "NTH", 528, "Europe", "Western Europe", "Netherlands", "", false},
    {"NOR", "NO", 385, "NOR", 578, "Europe", "Northern Europe", "Norway", "", false},
    {"NPL", "NP", 790, "NEP", 524, "Asia", "Southern Asia", "Nepal", "", false},
    {"NRU", "NR", 970, "NAU", 520, "Oceania", "Micronesia", "Nauru", "", false},
    {"NZL", "NZ", 920, "NEW", 554, "Oceania", "Australia and New Zealand", "New Zealand", "", false},
    {"OMN", "OM", 698, "OMA", 512, "Asia", "Western Asia", "Oman", "", false},
    {"PAK", "PK", 770, "PAK", 586, "Asia", "Southern Asia", "Pakistan", "", false},
    {"PAN", "PA", 95, "PAN", 591, "Americas", "Latin America and the Caribbean", "Panama", "", false},
    {"PCN", "PN", 0, "", 612, "Oceania", "Polynesia", "Pitcairn", "", false},
    {"PER", "PE", 135, "PER", 604, "Americas", "Latin America and the Caribbean", "Peru", "", false},
    {"PHL", "PH", 840, "PHI", 608, "Asia", "South-eastern Asia", "Philippines", "", false},
    {"PLW", "PW", 986, "PAL", 585, "Oceania", "Micronesia", "Palau", "", false},
    {"PNG", "PG", 910, "PNG", 598, "Oceania", "Melanesia", "Papua New Guinea", "", false},
    {"POL", "PL", 290, "POL", 616, "Europe", "Eastern Europe", "Poland", "", false},
    {"PRI", "PR", 0, "", 630, "Americas", "Latin America and the Caribbean", "Puerto Rico", "", false},
    {"PRK", "KP", 731, "PRK", 408, "Asia", "Eastern Asia", "Democratic People's Republic of Korea", "", false},
    {"PRT", "PT", 235, "POR", 620, "Europe", "Southern Europe", "Portugal", "", false},
    {"PRY", "PY", 150, "PAR", 600, "Americas", "Latin America and the Caribbean", "Paraguay", "", false},
    {"PSE", "PS", 0, "", 275, "Asia", "Western Asia", "State of Palestine", "", false},
    {"PYF", "PF", 0, "", 258, "Oceania", "Polynesia", "French Polynesia", "", false},
    {"QAT", "QA", 694, "QAT", 634, "Asia", "Western Asia", "Qatar", "", false},
    {"REU", "RE", 0, "", 638, "Africa", "Sub-Saharan Africa", "Réunion", "", false},
    {"ROU", "RO", 360, "ROM", 642, "Europe", "Eastern Europe", "Romania", "", false},
    {"RUS", "RU", 365, "RUS", 643, "Europe", "Eastern Europe", "Russian Federation", "", false},
    {"RVN", "", 817, "RVN", 0, "Asia", "South-eastern Asia", "Republic of Vietnam", "VNM", true},
    {"RWA", "RW", 517, "RWA", 646, "Africa", "Sub-Saharan Africa", "Rwanda", "", false},
    {"SAU", "SA", 670, "SAU", 682, "Asia", "Western Asia", "Saudi Arabia", "", false},
    {"SCG", "", 0, "", 891, "Europe", "Southern Europe", "Serbia and Montenegro", "SRB,MNE", true},
    {"SDN", "SD", 625, "SUD", 729, "Africa", "Northern Africa", "Sudan", "", false},
    {"SEN", "SN", 433, "SEN", 686, "Africa", "Sub-Saharan Africa", "Senegal", "", false},
    {"SGP", "SG", 830, "SIN", 702, "Asia", "South-eastern Asia", "Singapore", "", false},
    {"SGS", "GS", 0, "", 239, "Americas", "Latin America and the Caribbean",
     "South Georgia and the South Sandwich Islands", "", false},
    {"SHN", "SH", 0, "", 654, "Africa", "Sub-Saharan Africa", "Saint Helena, Ascension and Tristan da Cunha", "",
     false},
    {"SJM", "SJ", 0, "", 744, "Europe", "Northern Europe", "Svalbard and Jan Mayen", "", false},
    {"SLB", "SB", 940, "SOL", 90, "Oceania", "Melanesia", "Solomon Islands", "", false},
    {"SLE", "SL", 451, "SIE", 694, "Africa", "Sub-Saharan Africa", "Sierra Leone", "", false},
    {"SLV", "SV", 92, "SAL", 222, "Americas", "Latin America and the Caribbean", "El Salvador", "", false},
    {"SMR", "SM", 331, "SNM", 674, "Europe", "Southern Europe", "San Marino", "", false},
    {"SOM", "SO", 520, "SOM", 706, "Africa", "Sub-Saharan Africa", "Somalia", "", false},
    {"SPM", "PM", 0, "", 666, "Americas", "Northern America", "Saint Pierre and Miquelon", "", false},
    {"SRB", "RS", 0, "", 688, "Europe", "Southern Europe", "Serbia", "", false},
    {"SSD", "SS", 626, "SSD", 728, "Africa", "Sub-Saharan Africa", "South Sudan", "", false},
    {"STP", "ST", 403, "STP", 678, "Africa", "Sub-Saharan Africa", "Sao Tome and Principe", "", false},
    {"SUN", "SU", 0, "", 810, "Europe", "Eastern Europe", "Union of Soviet Socialist Republics", "RUS", true},
    {"SUR", "SR", 115, "SUR", 740, "Americas", "Latin America and the Caribbean", "Suriname", "", false},
    {"SVK", "SK", 317, "SLO", 703, "Europe", "Eastern Europe", "Slovakia", "", false},
    {"SVN", "SI", 349, "SLV", 705, "Europe", "Southern Europe", "Slovenia", "", false},
    {"SWE", "SE", 380, "SWD", 752, "Europe", "Northern Europe", "Sweden", "", false},
    {"SWZ", "SZ", 572, "SWA", 748, "Africa", "Sub-Saharan Africa", "Eswatini", "", false},
    {"SXM", "SX", 0, "", 534, "Americas", "Latin America and the Caribbean", "Sint Maarten (Dutch part)", "", false},
    {"SYC", "SC", 591, "SEY", 690, "Africa", "Sub-Saharan Africa", "Seychelles", "", false},
    {"SYR", "SY", 652, "SYR", 760, "Asia", "Western Asia", "Syrian Arab Republic", "", false},
    {"TCA", "TC", 0, "", 796, "Americas", "Latin America and the Caribbean", "Turks and Caicos Islands", "", false},
    {"TCD", "TD", 483, "CHA", 148, "Africa", "Sub-Saharan Africa", "Chad", "", false},
    {"TGO", "TG", 461, "TOG", 768, "Africa", "Sub-Saharan Africa", "Togo", "", false},
    {"THA", "TH", 800, "THI", 764, "Asia", "South-eastern Asia", "Thailand", "", false},
    {"TJK", "TJ", 702, "TAJ", 762, "Asia", "Central Asia", "Tajikistan", "", false},
    {"TKL", "TK", 0, "", 772, "Oceania", "Polynesia", "Tokelau", "", false},
    {"TKM", "TM", 701, "TKM", 795, "Asia", "Central Asia", "Turkmenistan", "", false},
    {"TLS", "TL", 860, "ETM", 626, "Asia", "South-eastern Asia", "Timor-Leste", "", false},
    {"TON", "TO", 955, "TON", 776, "Oceania", "Polynesia", "Tonga", "", false},
    {"TTO", "TT", 52, "TRI", 780, "Americas", "Latin America and the Caribbean", "Trinidad and Tobago", "", false},
    {"TUN", "TN", 616, "TUN", 788, "Africa", "Northern Africa", "Tunisia", "", false},
    {"TUR", "TR", 640, "TUR", 792, "Asia", "Western Asia", "Türkiye", "", false},
    {"TUV", "TV", 947, "TUV", 798, "Oceania", "Polynesia", "Tuvalu", "", false},
    {"TWN", "TW", 713, "TAW", 158, "Asia", "Eastern Asia", "Taiwan", "", false},
    {"TZA", "TZ", 510, "TAZ", 834, "Africa", "Sub-Saharan Africa", "United Republic of Tanzania", "", false},
    {"UGA", "UG", 500, "UGA", 800, "Africa", "Sub-Saharan Africa", "Uganda", "", false},
    {"UKR", "UA", 369, "UKR", 804, "Europe", "Eastern Europe", "Ukraine", "", false},
    {"UMI", "UM", 0, "", 581, "Oceania", "Micronesia", "United States Minor Outlying Islands", "", false},
    {"URY", "UY", 165, "URU", 858, "Americas", "Latin America and the Caribbean", "Uruguay", "", false},
    {"USA", "US", 2, "USA", 840, "Americas", "Northern America", "United States", "", false},
    {"UZB", "UZ", 704, "UZB", 860, "Asia", "Central Asia", "Uzbekistan", "", false},
    {"VAT", "VA", 0, "", 336, "Europe", "Southern Europe", "Holy See", "", false},
    {"VCT", "VC", 57, "SVG", 670, "Americas", "Latin America and the Caribbean", "Saint Vincent and the Grenadines", "",
     false},
    {"VEN", "VE", 101, "VEN", 862, "Americas", "Latin America and the Caribbean", "Venezuela (Bolivarian Republic of)",
     "", false},
    {"VGB", "VG", 0, "", 92, "Americas", "Latin America and the Caribbean", "British Virgin Islands", "", false},
    {"VIR", "VI", 0, "", 850, "Americas", "Latin America and the Caribbean", "United States Virgin Islands", "", false},
    {"VNM", "VN", 816, "DRV", 704, "Asia", "South-eastern Asia", "Viet Nam", "", false},
    {"VUT", "VU", 935, "VAN", 548, "Oceania", "Melanesia", "Vanuatu", "", false},
    {"WLF", "WF", 0, "", 876, "Oceania", "Polynesia", "Wallis and Futuna", "", false},
    {"WSM", "WS", 990, "WSM", 882, "Oceania", "Polynesia", "Samoa", "", false},
    {"XKX", "XK", 347, "KOS", 0, "Europe", "Southern Europe", "Kosovo", "", false},
    {"YAR", "", 678, "YAR", 886, "Asia", "Western Asia", "Yemen Arab Republic", "YEM", true},
    {"YEM", "YE", 679, "YEM", 887, "Asia", "Western Asia", "Yemen", "", false},
    {"YMD", "YD", 680, "YPR", 720, "Asia", "Western Asia", "People's Democratic Republic of Yemen", "YEM", true},
    {"YUG", "YU", 345, "YUG", 890, "Europe", "Southern Europe", "Yugoslavia", "SCG", true},
    {"ZAF", "ZA", 560, "SAF", 710, "Africa", "Sub-Saharan Africa", "South Africa", "", false},
    {"ZMB", "ZM", 551, "ZAM", 894, "Africa", "Sub-Saharan Africa", "Zambia", "", false},
    {"ZWE", "ZW", 552, "ZIM", 716, "Africa", "Sub-Saharan Africa", "Zimbabwe", "", false},
};

// Names beyond each row's display name, with where they come from: ISO 3166 names,
// COW names, the unvotes names, the UN Digital Library (UNDL) wide-file headers with
// their typos and junk prefixes kept verbatim (never fuzzy-matched), and common
// English short forms. The placeholder header "DONOTKNOW" is deliberately absent.
constexpr VariantRow kVariants[] = {
    {"ARE", "UAE"},
    {"ARE", "Emirates"},
    {"ATG", "Antigua"},
    {"BEN", "DAHOMEY"},       // UNDL header
    {"BFA", "UPPER VOLTA"},   // UNDL header
    {"BHS", "Bahamas, The"},  // World Bank
    {"BIH", "Bosnia"},
    {"BIH", "Bosnia-Herzegovina"},  // older or official form
    {"BLR", "BYELORUSSIAN SSR"},    // UNDL header
    {"BLR", "Byelorussia"},
    {"BLR", "Belorussia"},
    {"BLR", "Byelorussian Soviet Socialist Republic"},  // older or official form
    {"BOL", "Bolivia"},                                 // COW
    {"BOL", "PLURINATIONAL STATE OF BOLIVIA"},          // UNDL header
    {"BOL", "BOLIVIA (PLURINATIOANL STATE OF)"},        // UNDL header
    {"BOL", "BOLIVIA (PLUNATIONAL STATE OF)"},          // UNDL header
    {"BRN", "Brunei"},                                  // COW
    {"CAF", "CENTRAL AFRICAN EMPIRE"},                  // UNDL header
    {"CAF", "Central African Rep."},
    {"CHL", "CHILEs "},  // UNDL header
    {"CHN", "People's Republic of China"},
    {"CHN", "PRC"},
    {"CIV", "Ivory Coast"},  // COW
    {"CIV", "Cote d Ivoire"},
    {"CMR", "UNITED REPUBLIC OF CAMEROON"},        // UNDL header
    {"COD", "Congo, Democratic Republic of the"},  // ISO 3166
    {"COD", "Congo - Kinshasa"},                   // unvotes
    {"COD", "ZAIRE"},                              // UNDL header
    {"COD", "CONGO (LEOPOLDVILLE)"},               // UNDL header
    {"COD", "CONGO (DEMOCRATIC REPUBLIC OF)"},     // UNDL header
    {"COD", "DR Congo"},
    {"COD", "DRC"},
    {"COD", "Congo, Dem. Rep."},     // World Bank
    {"COG", "Congo - Brazzaville"},  // unvotes
    {"COG", "Republic of the Congo"},
    {"COG", "Republic of Congo"},
    {"COG", "Congo, Rep."},  // World Bank
    {"CPV", "Cape Verde"},   // COW
    {"CSK", "Czechoslovak Socialist Republic"},
    {"CSK", "Czech and Slovak Federal Republic"},
    {"CZE", "Czech Republic"},  // COW
    {"DDR", "East Germany"},
    {"DDR", "GDR"},
    {"DEU", "Federal Republic of Germany"},   // unvotes
    {"DEU", "GERMANY, FEDERAL REPUBLIC OF"},  // UNDL header
    {"DEU", "West Germany"},
    {"DEU", "FRG"},
    {"DEU", "German Federal Republic"},
    {"DNK", "AY DENMARK"},  // UNDL header
    {"DOM", "Dominican Rep."},
    {"EAZ", "People's Republic of Zanzibar"},
    {"EGY", "UNITED ARAB REPUBLIC"},  // UNDL header
    {"EGY", "UAR"},
    {"EGY", "Egypt, Arab Rep."},                // World Bank
    {"FSM", "Federated States of Micronesia"},  // COW
    {"FSM", "Micronesia"},
    {"FSM", "Micronesia, Fed. Sts."},                                 // World Bank
    {"GBR", "United Kingdom of Great Britain and Northern Ireland"},  // ISO 3166
    {"GBR", "UK"},
    {"GBR", "U.K."},
    {"GBR", "Great Britain"},
    {"GBR", "Britain"},
    {"GBR", "England"},
    {"GMB", "Gambia (Republic of The)"},  // State Department 2019 report
    {"GMB", "Gambia, The"},               // World Bank
    {"HKG", "Hong Kong SAR, China"},      // World Bank
    {"HRV", "Hrvatska"},
    {"IRL", "Eire"},
    {"IRN", "Iran"},  // COW
    {"IRN", "Islamic Republic of Iran"},
    {"IRN", "Iran, Islamic Rep."},  // World Bank
    {"KAZ", "TKAZAKHSTAN"},         // UNDL header
    {"KAZ", "Kazakstan"},
    {"KGZ", "Kyrgyz Republic"},
    {"KGZ", "Kirghizia"},
    {"KHM", "DEMOCRATIC KAMPUCHEA"},  // UNDL header
    {"KHM", "KHMER REPUBLIC"},        // UNDL header
    {"KHM", "DEMOCRATIC CAMPUCHEA"},  // UNDL header
    {"KHM", "Kampuchea"},
    {"KNA", "St. Kitts and Nevis"},          // COW
    {"KNA", "SAINT CHRISTOPHER AND NEVIS"},  // UNDL header
    {"KOR", "Korea, Republic of"},           // ISO 3166
    {"KOR", "South Korea"},                  // COW
    {"KOR", "Korea, Rep."},                  // World Bank
    {"LAO", "Laos"},                         // COW
    {"LAO", "Lao PDR"},
    {"LAO", "Lao People?s Democratic Republic"},                 // State Department 2019 report (mangled apostrophe)
    {"LBY", "LIBYAN ARAB JAMAHIRIYA"},                           // UNDL header
    {"LBY", "LIBYAN ARAB REPUBLIC"},                             // UNDL header
    {"LBY", "Socialist People's Libyan Arab Jamahiriya"},        // older or official form
    {"LBY", "Great Socialist People's Libyan Arab Jamahiriya"},  // older or official form
    {"LCA", "St. Lucia"},                                        // COW
    {"LKA", "CEYLON"},                                           // UNDL header
    {"MAC", "Macau"},                                            // older or official form
    {"MAC", "Macao SAR, China"},                                 // World Bank
    {"MDA", "Moldova, Republic of"},                             // ISO 3166
    {"MDA", "Moldova"},                                          // COW
    {"MDA", "REPULIC OF MOLDOVA"},                               // UNDL header
    {"MDG", "Malagasy Republic"},                                // older or official form
    {"MDV", "MALDIVE ISLANDS"},                                  // UNDL header
    {"MHL", "Marshall Is."},
    {"MKD", "Macedonia"},                                  // COW
    {"MKD", "THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA"},  // UNDL header
    {"MKD", "FYROM"},
    {"MKD", "Macedonia, the former Yugoslav Republic of"},  // older or official form
    {"MKD", "Republic of North Macedonia"},                 // older or official form
    {"MMR", "Myanmar (Burma)"},                             // unvotes
    {"MMR", "BURMA"},                                       // UNDL header
    {"MMR", "Union of Burma"},                              // older or official form
    {"MYS", "FEDERATION OF MALAYA"},                        // UNDL header
    {"MYS", "Malaya"},
    {"NLD", "Netherlands, Kingdom of the"},  // ISO 3166
    {"NLD", "Holland"},
    {"NLD", "Kingdom of the Netherlands"},              // older or official form
    {"PHL", "PHILIPPINE REPUBLIC"},                     // UNDL header
    {"PRK", "Korea, Democratic People's Republic of"},  // ISO 3166
    {"PRK", "North Korea"},                             // COW
    {"PRK", "DPRK"},
    {"PRK", "Korea, Dem. People's Rep."},  // World Bank
    {"PSE", "Palestine, State of"},        // ISO 3166
    {"PSE", "Palestine"},
    {"PSE", "Palestinian Territories"},
    {"PSE", "Occupied Palestinian Territory"},
    {"RUS", "Russia"},  // COW
    {"RVN", "South Vietnam"},
    {"SCG", "SERBIAMONTENEGRO"},  // UNDL header
    {"SCG", "Federal Republic of Yugoslavia"},
    {"SCG", "FRY"},
    {"SLB", "Solomon Is."},
    {"SRB", "Republic of Serbia"},
    {"SUN", "USSR"},  // UNDL header
    {"SUN", "Soviet Union"},
    {"SUN", "U.S.S.R."},
    {"SUR", "SURINAM"},  // UNDL header
    {"SVK", "Slovak Republic"},
    {"SWE", "AY SWEDEN"},   // UNDL header
    {"SWZ", "Swaziland"},   // COW
    {"SYR", "Syria"},       // COW
    {"THA", "SIAM"},        // UNDL header
    {"TLS", "East Timor"},  // COW
    {"TTO", "Trinidad"},
    {"TUR", "Turkey"},                     // COW
    {"TWN", "Taiwan, Province of China"},  // ISO 3166
    {"TWN", "Republic of China"},
    {"TWN", "Chinese Taipei"},
    {"TZA", "Tanzania, United Republic of"},  // ISO 3166
    {"TZA", "Tanzania"},                      // COW
    {"TZA", "TANGANYIKA"},                    // UNDL header
    {"TZA", "United Republic of Tanganyika and Zanzibar"},
    {"UKR", "UKRAINIAN SSR"},                        // UNDL header
    {"UKR", "Ukrainian Soviet Socialist Republic"},  // older or official form
    {"USA", "United States of America"},             // ISO 3166
    {"USA", "Aa UNITED STATES"},                     // UNDL header
    {"USA", "USA"},
    {"USA", "US"},
    {"USA", "U.S."},
    {"USA", "U.S.A."},
    {"USA", "America"},
    {"VAT", "Vatican"},
    {"VAT", "Vatican City"},
    {"VAT", "Vatican City State"},
    {"VCT", "St. Vincent and the Grenadines"},  // COW
    {"VCT", "St. Vincent & Grenadines"},        // unvotes
    {"VCT", "Saint Vincent"},
    {"VEN", "Venezuela"},                 // COW
    {"VEN", "Venezuela, RB"},             // World Bank
    {"VGB", "Virgin Islands (British)"},  // ISO 3166
    {"VIR", "Virgin Islands (U.S.)"},     // ISO 3166
    {"VNM", "Vietnam"},                   // COW
    {"VNM", "Socialist Republic of Viet Nam"},
    {"VNM", "Democratic Republic of Vietnam"},
    {"VNM", "North Vietnam"},
    {"WSM", "Western Samoa"},  // older or official form
    {"XKX", "Republic of Kosovo"},
    {"YAR", "North Yemen"},
    {"YEM", "Yemen, Rep."},              // World Bank
    {"YMD", "Yemen People's Republic"},  // COW
    {"YMD", "DEMOCRATIC YEMEN"},         // UNDL header
    {"YMD", "SOUTHERN YEMEN"},           // UNDL header
    {"YMD", "South Yemen"},
    {"YMD", "People's Republic of Southern Yemen"},
    {"YUG", "Socialist Federal Republic of Yugoslavia"},
    {"YUG", "SFRY"},
    {"ZAF", "UNION OF SOUTH AFRICA"},     // UNDL header
    {"ZAF", "AY UNION OF SOUTH AFRICA"},  // UNDL header
};

constexpr CodeAlias kCodeAliases[] = {
    // West Germany in COW (1955-1990); the registry keeps one Germany, DEU.
    {"GFR", "DEU"},
    {"260", "DEU"},
    // Withdrawn ISO 3166 codes still found in older files.
    {"ZAR", "COD"},
    {"ZR", "COD"},  // Zaire
    {"TMP", "TLS"},
    {"TP", "TLS"},  // East Timor
    {"BUR", "MMR"},
    {"BU", "MMR"},  // Burma
    {"DHY", "BEN"},
    {"DY", "BEN"},  // Dahomey
    {"HVO", "BFA"},
    {"HV", "BFA"},  // Upper Volta
    {"VDR", "VNM"},
    {"VD", "VNM"},  // Democratic Republic of Viet-Nam (North Vietnam)
};

}  // namespace

std::span<const Country> rows() { return kRows; }
std::span<const VariantRow> variants() { return kVariants; }
std::span<const CodeAlias> code_aliases() { return kCodeAliases; }

}  // namespace rostrum::registry::table
