/**
 * Countries of the world, for party names. One line per country:
 *   canonical name | demonyms (adjective, people) | capitals and seats of government | other names
 * The canonical name is what the JSON contract prints ("United States", "Czech Republic").
 * Plural demonyms ("Ukrainians") are derived; list irregular ones.
 */
export const COUNTRIES = `
Afghanistan | Afghan, Afghans | Kabul | Islamic Emirate of Afghanistan
Albania | Albanian | Tirana |
Algeria | Algerian | Algiers |
Andorra | Andorran | Andorra la Vella |
Angola | Angolan | Luanda |
Antigua and Barbuda | Antiguan | St. John's |
Argentina | Argentine, Argentinian, Argentinians, Argentines | Buenos Aires, Casa Rosada |
Armenia | Armenian | Yerevan |
Australia | Australian | Canberra |
Austria | Austrian | Vienna |
Azerbaijan | Azerbaijani, Azeri, Azeris | Baku |
Bahamas | Bahamian | Nassau | The Bahamas
Bahrain | Bahraini | Manama |
Bangladesh | Bangladeshi | Dhaka |
Barbados | Barbadian | Bridgetown |
Belarus | Belarusian, Belarussian | Minsk |
Belgium | Belgian | |
Belize | Belizean | Belmopan |
Benin | Beninese | Porto-Novo |
Bhutan | Bhutanese | Thimphu |
Bolivia | Bolivian | La Paz, Sucre |
Bosnia and Herzegovina | Bosnian | Sarajevo | Bosnia
Botswana | Botswanan | Gaborone |
Brazil | Brazilian | Brasília, Brasilia, Planalto |
Brunei | Bruneian | Bandar Seri Begawan |
Bulgaria | Bulgarian | |
Burkina Faso | Burkinabe | Ouagadougou |
Burundi | Burundian | Gitega, Bujumbura |
Cambodia | Cambodian | Phnom Penh |
Cameroon | Cameroonian | Yaoundé, Yaounde |
Canada | Canadian | Ottawa |
Cape Verde | Cape Verdean | Praia | Cabo Verde
Central African Republic | Central African | Bangui | CAR
Chad | Chadian | N'Djamena |
Chile | Chilean | Santiago |
China | Chinese | Beijing, Zhongnanhai | People's Republic of China, PRC, P.R.C., mainland China, PLA, People's Liberation Army
Colombia | Colombian | Bogotá, Bogota |
Comoros | Comoran | Moroni |
Democratic Republic of the Congo | Congolese | Kinshasa | DRC, DR Congo, D.R.C., Congo, Democratic Republic of Congo, Congo-Kinshasa
Republic of the Congo | | Brazzaville | Congo-Brazzaville, Republic of Congo
Costa Rica | Costa Rican | San José |
Croatia | Croatian, Croat, Croats | Zagreb |
Cuba | Cuban | Havana |
Cyprus | Cypriot | Nicosia |
Czech Republic | Czech, Czechs | Prague | Czechia
Denmark | Danish, Dane, Danes | Copenhagen |
Djibouti | Djiboutian | |
Dominican Republic | Dominican | Santo Domingo |
Ecuador | Ecuadorian | Quito |
Egypt | Egyptian | Cairo |
El Salvador | Salvadoran, Salvadorean | San Salvador |
Equatorial Guinea | Equatoguinean | Malabo |
Eritrea | Eritrean | Asmara |
Estonia | Estonian | Tallinn |
Eswatini | Swazi | Mbabane | Swaziland
Ethiopia | Ethiopian | Addis Ababa |
Fiji | Fijian | Suva |
Finland | Finnish, Finn, Finns | Helsinki |
France | French, Frenchman, Frenchmen, Frenchwoman | Paris, Élysée, Elysee, Élysée Palace, Elysee Palace, Quai d'Orsay, Quai d’Orsay, Matignon |
Gabon | Gabonese | Libreville |
Gambia | Gambian | Banjul | The Gambia
Georgia | Georgian | Tbilisi |
Germany | German | Berlin, Chancellery |
Ghana | Ghanaian | Accra |
Greece | Greek | Athens |
Grenada | Grenadian | |
Guatemala | Guatemalan | Guatemala City |
Guinea | Guinean | Conakry |
Guinea-Bissau | Bissau-Guinean | Bissau |
Guyana | Guyanese | Georgetown |
Haiti | Haitian | Port-au-Prince |
Honduras | Honduran | Tegucigalpa |
Hungary | Hungarian | Budapest |
Iceland | Icelandic, Icelander, Icelanders | Reykjavik, Reykjavík |
India | Indian | New Delhi, Delhi |
Indonesia | Indonesian | Jakarta |
Iran | Iranian | Tehran, Teheran | Islamic Republic of Iran, Islamic Republic, IRGC, Revolutionary Guards, Islamic Revolutionary Guard Corps
Iraq | Iraqi | Baghdad |
Ireland | Irish, Irishman | Dublin | Republic of Ireland
Israel | Israeli | Jerusalem | State of Israel, IDF, Israel Defense Forces, Knesset, Mossad, Shin Bet
Italy | Italian | Rome, Palazzo Chigi |
Ivory Coast | Ivorian | Yamoussoukro, Abidjan | Côte d'Ivoire, Côte d’Ivoire, Cote d'Ivoire
Jamaica | Jamaican | Kingston |
Japan | Japanese | Tokyo |
Jordan | Jordanian | Amman |
Kazakhstan | Kazakh, Kazakhs | Astana |
Kenya | Kenyan | Nairobi |
Kiribati | | Tarawa |
Kosovo | Kosovar, Kosovan | Pristina |
Kuwait | Kuwaiti | Kuwait City |
Kyrgyzstan | Kyrgyz | Bishkek |
Laos | Laotian, Lao | Vientiane |
Latvia | Latvian | Riga |
Lebanon | Lebanese | Beirut |
Lesotho | Basotho | Maseru |
Liberia | Liberian | Monrovia |
Libya | Libyan | Tripoli |
Liechtenstein | | Vaduz |
Lithuania | Lithuanian | Vilnius |
Luxembourg | Luxembourgish, Luxembourger | |
Madagascar | Malagasy | Antananarivo |
Malawi | Malawian | Lilongwe |
Malaysia | Malaysian | Kuala Lumpur |
Maldives | Maldivian | Malé |
Mali | Malian | Bamako |
Malta | Maltese | Valletta |
Marshall Islands | Marshallese | Majuro |
Mauritania | Mauritanian | Nouakchott |
Mauritius | Mauritian | Port Louis |
Mexico | Mexican | Mexico City |
Micronesia | Micronesian | Palikir |
Moldova | Moldovan | Chisinau, Chișinău |
Monaco | Monegasque | |
Mongolia | Mongolian | Ulaanbaatar |
Montenegro | Montenegrin | Podgorica |
Morocco | Moroccan | Rabat |
Mozambique | Mozambican | Maputo |
Myanmar | Burmese | Naypyidaw, Naypyitaw | Burma
Namibia | Namibian | Windhoek |
Nauru | Nauruan | |
Nepal | Nepali, Nepalese | Kathmandu |
Netherlands | Dutch, Dutchman | Amsterdam, The Hague | Holland, The Netherlands
New Zealand | New Zealander | Wellington |
Nicaragua | Nicaraguan | Managua |
Niger | Nigerien | Niamey |
Nigeria | Nigerian | Abuja |
North Korea | North Korean | Pyongyang | DPRK, D.P.R.K., Democratic People's Republic of Korea
North Macedonia | Macedonian | Skopje | Macedonia
Norway | Norwegian | Oslo |
Oman | Omani | Muscat |
Pakistan | Pakistani | Islamabad |
Palau | Palauan | Ngerulmud |
Palestine | Palestinian | Ramallah | State of Palestine, Palestinian territories
Panama | Panamanian | Panama City |
Papua New Guinea | Papua New Guinean | Port Moresby |
Paraguay | Paraguayan | Asunción, Asuncion |
Peru | Peruvian | Lima |
Philippines | Philippine, Filipino, Filipinos | Manila, Malacañang | The Philippines
Poland | Polish, Pole, Poles | Warsaw |
Portugal | Portuguese | Lisbon |
Qatar | Qatari | Doha |
Romania | Romanian | Bucharest |
Russia | Russian | Moscow, Kremlin | Russian Federation, FSB, F.S.B., Federal Security Service, SVR, GRU, State Duma, Duma, Rosgvardia
Rwanda | Rwandan | Kigali |
Saint Kitts and Nevis | Kittitian | Basseterre |
Saint Lucia | Saint Lucian | Castries |
Saint Vincent and the Grenadines | Vincentian | Kingstown |
Samoa | Samoan | Apia |
San Marino | Sammarinese | |
São Tomé and Príncipe | Santomean | São Tomé | Sao Tome and Principe
Saudi Arabia | Saudi, Saudis | Riyadh | Kingdom of Saudi Arabia, KSA
Senegal | Senegalese | Dakar |
Serbia | Serbian, Serb, Serbs | Belgrade |
Seychelles | Seychellois | |
Sierra Leone | Sierra Leonean | Freetown |
Singapore | Singaporean | |
Slovakia | Slovak, Slovakian | Bratislava |
Slovenia | Slovenian, Slovene | Ljubljana |
Solomon Islands | Solomon Islander | Honiara |
Somalia | Somali | Mogadishu |
South Africa | South African | Pretoria, Cape Town |
South Korea | South Korean | Seoul | Republic of Korea, ROK
South Sudan | South Sudanese | Juba |
Spain | Spanish, Spaniard, Spaniards | Madrid, Moncloa |
Sri Lanka | Sri Lankan | Colombo |
Sudan | Sudanese | Khartoum, Port Sudan | Sudanese Armed Forces, SAF, Sudanese army
Suriname | Surinamese | Paramaribo |
Sweden | Swedish, Swede, Swedes | Stockholm |
Switzerland | Swiss | Bern, Berne |
Syria | Syrian | Damascus |
Taiwan | Taiwanese | Taipei |
Tajikistan | Tajik | Dushanbe |
Tanzania | Tanzanian | Dodoma |
Thailand | Thai | Bangkok |
Timor-Leste | Timorese | Dili | East Timor
Togo | Togolese | Lomé, Lome |
Tonga | Tongan | Nukuʻalofa |
Trinidad and Tobago | Trinidadian | Port of Spain |
Tunisia | Tunisian | Tunis |
Turkey | Turkish, Turk, Turks | Ankara | Türkiye, Turkiye
Turkmenistan | Turkmen | Ashgabat |
Tuvalu | Tuvaluan | Funafuti |
Uganda | Ugandan | Kampala |
Ukraine | Ukrainian | Kyiv, Kiev, Bankova | The Ukraine, SBU, S.B.U., HUR, Verkhovna Rada
United Arab Emirates | Emirati | Abu Dhabi | UAE, U.A.E., Emirates
United Kingdom | British, Briton, Britons, Brit, Brits | London, Downing Street, Whitehall, Number 10, No 10 | UK, U.K., Britain, Great Britain, United Kingdom of Great Britain and Northern Ireland, MI6, MI5, GCHQ, Foreign Office
United States | American | Washington, White House, Pentagon, State Department, Department of State, Foggy Bottom, Capitol Hill, Oval Office | US, U.S., USA, U.S.A., America, United States of America, CIA, C.I.A., FBI, F.B.I.
Uruguay | Uruguayan | Montevideo |
Uzbekistan | Uzbek | Tashkent |
Vanuatu | Ni-Vanuatu | Port Vila |
Vatican | | Vatican City, Holy See |
Venezuela | Venezuelan | Caracas, Miraflores |
Vietnam | Vietnamese | Hanoi | Viet Nam
Yemen | Yemeni | Sanaa, Sana'a, Aden |
Zambia | Zambian | Lusaka |
Zimbabwe | Zimbabwean | Harare |
`;

/**
 * Armed groups, alliances and international bodies that act as parties. One line each:
 *   canonical name | adjectives and members | other names
 */
export const ORGANISATIONS = `
NATO | | Nato, North Atlantic Treaty Organization, North Atlantic Alliance, Atlantic alliance
European Union | | EU, E.U., European Commission, Brussels
United Nations | | UN, U.N., UN Security Council, U.N. Security Council, UN General Assembly, UNRWA, UNICEF, UNHCR, OCHA, UNIFIL, MONUSCO, UNSMIL, UNAMA, UN Relief and Works Agency, United Nations Relief and Works Agency, World Food Programme, WFP
African Union | |
Arab League | | League of Arab States
Hamas | Hamas militants | Islamic Resistance Movement, Qassam Brigades, al-Qassam Brigades
Hezbollah | | Hizbollah, Hizballah, Hizbullah
Houthis | Houthi, Houthi rebels | Ansar Allah, Ansarallah
Rapid Support Forces | | RSF
Islamic State | | ISIS, ISIL, Isis, Isil, Daesh
Taliban | | 
al-Qaeda | | Al Qaeda, al Qaeda, Al-Qaeda
Palestinian Islamic Jihad | | Islamic Jihad
Palestinian Authority | |
Syrian Democratic Forces | | SDF
Hayat Tahrir al-Sham | | HTS
Kurdistan Workers' Party | | PKK
M23 | | March 23 Movement
ELN | | National Liberation Army
FARC | | Revolutionary Armed Forces of Colombia
Tigray People's Liberation Front | | TPLF
Arakan Army | |
Polisario Front | | Polisario
Wagner Group | | Wagner
al-Shabaab | | Al-Shabaab, al Shabaab, Al Shabaab, al-Shabab, Al-Shabab, al Shabab, Al Shabab
Boko Haram | |
G7 | | Group of Seven
G20 | | Group of 20
OSCE | | Organization for Security and Co-operation in Europe
International Atomic Energy Agency | | IAEA
International Criminal Court | | ICC
ECOWAS | | Economic Community of West African States
ASEAN | | Association of Southeast Asian Nations
Moro Islamic Liberation Front | | MILF
New People's Army | | NPA
Fatah | | Fatah movement
Palestine Liberation Organization | | PLO, Palestine Liberation Organisation
Popular Front for the Liberation of Palestine | | PFLP
SPLM-IO | | SPLA-IO, Sudan People's Liberation Movement-in-Opposition, Sudan People's Liberation Movement in Opposition
Libyan National Army | | LNA
Government of National Accord | | GNA
Donetsk People's Republic | | DPR, DNR
Luhansk People's Republic | | LPR, LNR, Lugansk People's Republic
Oromo Liberation Army | | OLA
Jaish-e-Mohammed | | Jaish-e-Muhammad, Jaish-e-Mohammad, JeM
Lashkar-e-Taiba | | Lashkar-e-Tayyiba, LeT
Tehreek-e-Taliban Pakistan | | TTP, Pakistani Taliban
Balochistan Liberation Army | | BLA
Free Syrian Army | | FSA
Kurdistan Region | | Kurdistan Regional Government, KRG
International Committee of the Red Cross | | ICRC, Red Cross
World Health Organization | | WHO
Doctors Without Borders | | MSF, Médecins Sans Frontières, Medecins Sans Frontieres
Human Rights Watch | | HRW
Amnesty International | |
`;
