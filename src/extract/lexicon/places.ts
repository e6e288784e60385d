/**
 * Officials named after their region ("the Kharkiv regional governor", "Kyiv city authorities"):
 * the adjective, and the nouns for the office. A toll they report is that region's. Regex sources.
 */
export const REGION_ADJECTIVES = 'regional|region[’\'s]*|oblast|provincial|province[’\'s]*|city|district|municipal';
export const OFFICIAL_NOUNS = 'authorities|head|governor|administration|military administration|officials|chief|police|council|mayor|prosecutors?';

/**
 * Places that are not countries: cities, regions, seas and areas often named in reports on
 * conflicts and diplomacy. One line per country (or "-" for places in no single country):
 *   Country: Place, Place (Other spelling / Other spelling), ...
 * Capitals are in countries.ts and are places too.
 */
export const PLACES = `
Ukraine: Kharkiv (Kharkov), Odesa (Odessa), Lviv (Lvov), Dnipro (Dnipropetrovsk), Zaporizhzhia (Zaporizhia / Zaporozhye), Kherson, Mykolaiv (Nikolaev), Donetsk, Luhansk (Lugansk), Mariupol, Bakhmut, Avdiivka, Pokrovsk, Kramatorsk, Sloviansk, Chernihiv, Sumy, Poltava, Vinnytsia, Zhytomyr, Kryvyi Rih, Chernivtsi, Ivano-Frankivsk, Ternopil, Rivne, Lutsk, Uzhhorod, Khmelnytskyi, Cherkasy, Kropyvnytskyi, Izium, Kupiansk, Vuhledar, Toretsk, Chasiv Yar, Kostiantynivka, Bucha, Irpin, Hostomel, Crimea, Donbas (Donbass), Sevastopol, Simferopol, Kerch, Melitopol, Berdiansk, Enerhodar, Nikopol, Snake Island
Russia: St. Petersburg (Saint Petersburg / St Petersburg), Kursk, Belgorod, Bryansk, Voronezh, Rostov, Rostov-on-Don, Krasnodar, Novorossiysk, Sochi, Kazan, Yekaterinburg, Novosibirsk, Samara, Saratov, Engels, Tula, Ryazan, Smolensk, Pskov, Kaliningrad, Murmansk, Vladivostok, Chechnya, Grozny, Dagestan, Tatarstan, Siberia, Tver, Yaroslavl, Nizhny Novgorod, Volgograd, Astrakhan, Lipetsk, Oryol, Kaluga, Taganrog, Yeysk, Tuapse, Bashkortostan, Ufa, Perm, Omsk, Irkutsk, Khabarovsk, Chelyabinsk
Saudi Arabia: Jeddah (Jiddah), Mecca, Medina, Dammam, Neom
United Arab Emirates: Dubai, Sharjah
Turkey: Istanbul, Izmir, Antalya
Switzerland: Geneva, Zurich, Davos, Lausanne
Austria: Salzburg
Germany: Munich, Hamburg, Frankfurt, Ramstein, Cologne, Bonn
France: Marseille, Lyon, Strasbourg, Nice
United Kingdom: Manchester, Birmingham, Edinburgh, Glasgow, Belfast, Cardiff, England, Scotland, Wales, Northern Ireland, Chequers, Westminster
United States: New York, Los Angeles, Chicago, Houston, Miami, San Francisco, Boston, Seattle, Atlanta, Florida, Texas, California, Alaska, Anchorage, Hawaii, Mar-a-Lago, Palm Beach, Camp David, Virginia, Maryland, Arlington, Langley
Canada: Toronto, Montreal, Vancouver
Italy: Milan, Naples, Venice, Florence
Spain: Barcelona, Seville
Poland: Krakow (Kraków), Rzeszow (Rzeszów), Gdansk (Gdańsk), Wroclaw
Belgium: Brussels, Antwerp
Netherlands: Rotterdam
Denmark: Greenland
Finland: Turku
Belarus: Gomel, Brest
Moldova: Transnistria
Georgia: Abkhazia, South Ossetia
Azerbaijan: Nagorno-Karabakh, Karabakh
Israel: Tel Aviv, Haifa, Eilat, Ashkelon, Ashdod, Sderot, Beersheba, Golan Heights, Negev, Galilee
Palestine: Gaza, Gaza Strip, Gaza City, West Bank, Rafah, Khan Younis (Khan Yunis), Jabalia, Deir al-Balah, Nablus, Jenin, Hebron, Bethlehem, Tulkarm, Beit Lahia, Beit Hanoun, East Jerusalem
Lebanon: Tyre, Sidon, Nabatieh, Baalbek, Dahiyeh, Bekaa
Syria: Aleppo, Homs, Idlib, Latakia, Tartus, Deir ez-Zor, Raqqa, Hama, Daraa
Iraq: Mosul, Basra, Erbil, Kirkuk, Fallujah, Najaf, Karbala
Iran: Isfahan, Natanz, Fordow, Tabriz, Mashhad, Shiraz, Bandar Abbas
Yemen: Hodeidah, Marib, Taiz, Saada, Mukalla
Egypt: Sharm el-Sheikh, Alexandria, Sinai
Qatar: Lusail
Oman: Salalah
Jordan: Aqaba
Sudan: Omdurman, El Fasher, Darfur, Kordofan, El Obeid, Wad Madani, Nyala, El Geneina
Democratic Republic of the Congo: Goma, Bukavu, Kivu, North Kivu, South Kivu, Ituri, Bunia, Lubumbashi
Ethiopia: Tigray, Mekelle, Amhara
Somalia: Puntland, Somaliland
Libya: Benghazi, Misrata
Nigeria: Lagos, Kano, Maiduguri
Kenya: Mombasa
South Africa: Johannesburg, Durban
Pakistan: Karachi, Lahore, Peshawar, Rawalpindi, Quetta, Balochistan
India: Mumbai, Kolkata, Chennai, Bangalore, Kashmir, Srinagar, Punjab
Afghanistan: Kandahar, Herat, Mazar-i-Sharif, Jalalabad
China: Shanghai, Hong Kong, Xinjiang, Tibet, Shenzhen, Guangzhou, Wuhan
Taiwan: Kaohsiung
Japan: Osaka, Okinawa, Hiroshima
South Korea: Busan
Myanmar: Yangon, Mandalay, Rakhine
Armenia: Syunik, Gyumri
Kazakhstan: Almaty, Shymkent, Karaganda
Kyrgyzstan: Osh, Jalal-Abad
Tajikistan: Khujand
Uzbekistan: Samarkand, Bukhara, Fergana Valley
Serbia: Novi Sad
Kosovo: Mitrovica
Venezuela: Maracaibo
Mexico: Tijuana, Guadalajara, Monterrey
Brazil: Rio de Janeiro, Sao Paulo (São Paulo)
-: Black Sea, Sea of Azov, Azov Sea, Red Sea, Mediterranean, Baltic Sea, Caspian Sea, North Sea, South China Sea, East China Sea, Persian Gulf, Gulf of Aden, Strait of Hormuz, Bab el-Mandeb, Suez Canal, Dnipro River, Dnieper, Middle East, Europe, Asia, Africa, Latin America, Balkans, Caucasus, Sahel, Horn of Africa, Arctic, Baltic, Baltics, Scandinavia, Kashmir, Levant, Gulf
`;
