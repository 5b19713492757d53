/**
 * The simulator's small, fixed world: a few addresses, the cadastral lots under them and the zoning plans
 * that cover them. Each one exists to exercise a case a client must handle (see docs/simulator.md):
 * a plain address, an address on two lots (the KIK flow), two plans at one address (two intentions),
 * a house letter, a house number addition, an address outside every plan (no intentions at all), and a lot
 * without an address.
 *
 * The uuids are literals, not derived from the seed, so users can write them into their own tests.
 */

/**
 * A zoning plan; plan products get one intention per plan covering a location.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.catalogue.plan('NL.IMRO.9999.BPPlaatsCentrum-VG01')?.datum; // '2016-03-01'
 * ```
 */
export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly datum: string;
  readonly dossierStatus: string;
  readonly enkelbestemming: boolean;
}

/**
 * An `adres` location, with the lots it stands on and the plans covering it.
 *
 * @example
 * ```ts
 * import { kikAddress } from 'planviewer-rx/simulator';
 * kikAddress.title; // 'Kerkweg 8, 1234AC Dorp'
 * ```
 */
export interface AddressLocation {
  readonly kind: 'adres';
  readonly uuid: string;
  readonly title: string;
  readonly postcode: string;
  readonly huisnummer: string;
  readonly huisletter: string | null;
  readonly huisnummertoevoeging: string | null;
  readonly openbareruimtenaam: string;
  readonly woonplaatsnaam: string;
  /** Parcel uuids; two or more make KIK products wait for the user. */
  readonly parcels: readonly string[];
  readonly plans: readonly string[];
  /** False for an address outside the simulated coverage: no product has an intention there. */
  readonly covered: boolean;
}

/**
 * A `perceel` (cadastral lot) location.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * import { kikAddress } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const lot = sim.catalogue.location(kikAddress.parcels[0]!); // { kind: 'perceel', title: 'Dorp A 100', … }
 * ```
 */
export interface ParcelLocation {
  readonly kind: 'perceel';
  readonly uuid: string;
  /** The cadastral designation, e.g. `Plaats A 1234`. */
  readonly title: string;
  readonly kadastraleGemeente: string;
  readonly kadastraleGemeentecode: string;
  readonly sectie: string;
  readonly perceelnummer: string;
  readonly oppervlakte: number;
  /** Shown after "t.n.v." in the KIK choice list. */
  readonly owner: string;
  readonly addresses: readonly string[];
  readonly plans: readonly string[];
  readonly covered: boolean;
}

/**
 * Anything location search can return.
 *
 * @example
 * ```ts
 * import { locations, type Location } from 'planviewer-rx/simulator';
 * const titles = locations.map((l: Location) => l.title);
 * ```
 */
export type Location = AddressLocation | ParcelLocation;

/**
 * The built-in zoning plans.
 *
 * @example
 * ```ts
 * import { plans } from 'planviewer-rx/simulator';
 * plans.map((p) => p.id); // ['NL.IMRO.9999.BPPlaatsCentrum-VG01', …]
 * ```
 */
export const plans: readonly Plan[] = [
  {
    id: 'NL.IMRO.9999.BPPlaatsCentrum-VG01',
    name: 'Plaats Centrum',
    datum: '2016-03-01',
    dossierStatus: 'vastgesteld',
    enkelbestemming: true,
  },
  {
    id: 'NL.IMRO.9998.BPDorpskern-VG02',
    name: 'Dorpskern',
    datum: '2019-06-14',
    dossierStatus: 'onherroepelijk',
    enkelbestemming: true,
  },
  {
    id: 'NL.IMRO.9997.BPStadWest-VG01',
    name: 'Stad West',
    datum: '2008-11-20',
    dossierStatus: 'onherroepelijk',
    enkelbestemming: true,
  },
  {
    id: 'NL.IMRO.9997.BPStadWest2025-ON01',
    name: 'Stad West 2025',
    datum: '2025-09-01',
    dossierStatus: 'ontwerp',
    enkelbestemming: false,
  },
  {
    id: 'NL.IMRO.9997.BPHavenkwartier-VG01',
    name: 'Havenkwartier',
    datum: '2021-02-08',
    dossierStatus: 'vastgesteld',
    enkelbestemming: false,
  },
];

const address = (
  fields: Omit<AddressLocation, 'kind' | 'title' | 'covered'> & { covered?: boolean },
): AddressLocation => ({
  kind: 'adres',
  title:
    `${fields.openbareruimtenaam} ${fields.huisnummer}${fields.huisletter ?? ''}` +
    `${fields.huisnummertoevoeging === null ? '' : `-${fields.huisnummertoevoeging}`}` +
    `, ${fields.postcode} ${fields.woonplaatsnaam}`,
  covered: true,
  ...fields,
});

const parcel = (fields: Omit<ParcelLocation, 'kind' | 'title' | 'covered'>): ParcelLocation => ({
  kind: 'perceel',
  title: `${fields.kadastraleGemeente} ${fields.sectie} ${fields.perceelnummer}`,
  covered: true,
  ...fields,
});

/**
 * The address that `npm run simulator -- --json` reports as `sample`: one lot, one plan, every product
 * orderable.
 *
 * @example
 * ```ts
 * import { sampleAddress } from 'planviewer-rx/simulator';
 * sampleAddress.postcode; // '1234AB'
 * sampleAddress.huisnummer; // '2'
 * ```
 */
export const sampleAddress: AddressLocation = address({
  uuid: 'cd017d6c-dbb3-4372-91e8-ed98de04cd0b',
  postcode: '1234AB',
  huisnummer: '2',
  huisletter: null,
  huisnummertoevoeging: null,
  openbareruimtenaam: 'Voorbeeldstraat',
  woonplaatsnaam: 'Plaats',
  parcels: ['5752fdbd-0b49-45b4-b516-eb1b88ff2f5d'],
  plans: ['NL.IMRO.9999.BPPlaatsCentrum-VG01'],
});

/**
 * The address on two lots: KIK products (`eigendomsinformatie*`, `hypotheekinformatie*`) ordered here stop
 * at `waiting for user`.
 *
 * @example
 * ```ts
 * import { kikAddress } from 'planviewer-rx/simulator';
 * kikAddress.parcels.length; // 2
 * ```
 */
export const kikAddress: AddressLocation = address({
  uuid: 'aa8ae566-be48-4e77-8c11-8144bfa53a75',
  postcode: '1234AC',
  huisnummer: '8',
  huisletter: null,
  huisnummertoevoeging: null,
  openbareruimtenaam: 'Kerkweg',
  woonplaatsnaam: 'Dorp',
  parcels: ['2ea32cf2-1a94-4ff3-91af-2b940a56ad04', '26db10a5-f148-4388-9386-54ce5a0a1603'],
  plans: ['NL.IMRO.9998.BPDorpskern-VG02'],
});

/**
 * An address that location search finds but where no product has an intention.
 *
 * @example
 * ```ts
 * import { uncoveredAddress } from 'planviewer-rx/simulator';
 * uncoveredAddress.covered; // false
 * ```
 */
export const uncoveredAddress: AddressLocation = address({
  uuid: '4543685b-35e8-4f58-90f2-0b933fc5044a',
  postcode: '9999ZZ',
  huisnummer: '1',
  huisletter: null,
  huisnummertoevoeging: null,
  openbareruimtenaam: 'Nergensweg',
  woonplaatsnaam: 'Nergens',
  parcels: [],
  plans: [],
  covered: false,
});

/**
 * Every built-in location, addresses first.
 *
 * @example
 * ```ts
 * import { locations } from 'planviewer-rx/simulator';
 * locations.filter((l) => l.kind === 'perceel').length; // 6
 * ```
 */
export const locations: readonly Location[] = [
  sampleAddress,
  kikAddress,
  address({
    uuid: '04ffff2d-00c6-4efb-b7aa-63faf1c8b07f',
    postcode: '2345CD',
    huisnummer: '12',
    huisletter: 'B',
    huisnummertoevoeging: null,
    openbareruimtenaam: 'Molenweg',
    woonplaatsnaam: 'Stad',
    parcels: ['7aced55b-e9e1-4cef-8028-a162f3955826'],
    plans: ['NL.IMRO.9997.BPStadWest-VG01', 'NL.IMRO.9997.BPStadWest2025-ON01'],
  }),
  address({
    uuid: 'a82213fe-0914-448d-a053-b6d96c0ece70',
    postcode: '3456EF',
    huisnummer: '5',
    huisletter: null,
    huisnummertoevoeging: '3',
    openbareruimtenaam: 'Havenkade',
    woonplaatsnaam: 'Stad',
    parcels: ['4b1aeb8e-4c30-4b6a-a94a-0b7b4f9787d2'],
    plans: ['NL.IMRO.9997.BPHavenkwartier-VG01'],
  }),
  uncoveredAddress,
  parcel({
    uuid: '5752fdbd-0b49-45b4-b516-eb1b88ff2f5d',
    kadastraleGemeente: 'Plaats',
    kadastraleGemeentecode: 'PLT00',
    sectie: 'A',
    perceelnummer: '1234',
    oppervlakte: 312,
    owner: 'C. Visser',
    addresses: [sampleAddress.uuid],
    plans: ['NL.IMRO.9999.BPPlaatsCentrum-VG01'],
  }),
  parcel({
    uuid: '2ea32cf2-1a94-4ff3-91af-2b940a56ad04',
    kadastraleGemeente: 'Dorp',
    kadastraleGemeentecode: 'DRP01',
    sectie: 'A',
    perceelnummer: '100',
    oppervlakte: 540,
    owner: 'A. Jansen',
    addresses: [kikAddress.uuid],
    plans: ['NL.IMRO.9998.BPDorpskern-VG02'],
  }),
  parcel({
    uuid: '26db10a5-f148-4388-9386-54ce5a0a1603',
    kadastraleGemeente: 'Dorp',
    kadastraleGemeentecode: 'DRP01',
    sectie: 'A',
    perceelnummer: '101',
    oppervlakte: 95,
    owner: 'B. de Vries',
    addresses: [kikAddress.uuid],
    plans: ['NL.IMRO.9998.BPDorpskern-VG02'],
  }),
  parcel({
    uuid: '7aced55b-e9e1-4cef-8028-a162f3955826',
    kadastraleGemeente: 'Stad',
    kadastraleGemeentecode: 'STD02',
    sectie: 'B',
    perceelnummer: '2001',
    oppervlakte: 188,
    owner: 'D. Bakker',
    addresses: ['04ffff2d-00c6-4efb-b7aa-63faf1c8b07f'],
    plans: ['NL.IMRO.9997.BPStadWest-VG01', 'NL.IMRO.9997.BPStadWest2025-ON01'],
  }),
  parcel({
    uuid: '4b1aeb8e-4c30-4b6a-a94a-0b7b4f9787d2',
    kadastraleGemeente: 'Stad',
    kadastraleGemeentecode: 'STD02',
    sectie: 'C',
    perceelnummer: '310',
    oppervlakte: 1_420,
    owner: 'Havenbedrijf Stad B.V.',
    addresses: ['a82213fe-0914-448d-a053-b6d96c0ece70'],
    plans: ['NL.IMRO.9997.BPHavenkwartier-VG01'],
  }),
  parcel({
    uuid: '3c71c038-0956-4199-8e10-164c87c7884e',
    kadastraleGemeente: 'Plaats',
    kadastraleGemeentecode: 'PLT00',
    sectie: 'A',
    perceelnummer: '1235',
    oppervlakte: 4_870,
    owner: 'E. Smit',
    addresses: [],
    plans: ['NL.IMRO.9999.BPPlaatsCentrum-VG01'],
  }),
];

/** The `properties` object that location search returns (§5.2). */
export const locationProperties = (location: Location): Record<string, unknown> =>
  location.kind === 'adres'
    ? {
        type: 'adres',
        postcode: location.postcode,
        huisnummer: location.huisnummer,
        huisnummertoevoeging: location.huisnummertoevoeging,
        huisletter: location.huisletter,
        openbareruimtenaam: location.openbareruimtenaam,
        woonplaatsnaam: location.woonplaatsnaam,
      }
    : {
        // The reference cuts the perceel properties off; these follow the Data API's lot fields.
        type: 'perceel',
        kadastrale_gemeente: location.kadastraleGemeente,
        kadastrale_gemeentecode: location.kadastraleGemeentecode,
        sectie: location.sectie,
        perceelnummer: location.perceelnummer,
        oppervlakte: location.oppervlakte,
      };

/** A KIK choice label shaped like the reference's: designation, address, "t.n.v." owner (§5.7). */
export const kikLabel = (lot: ParcelLocation, at: AddressLocation): string =>
  `${lot.title} ${at.openbareruimtenaam} ${at.huisnummer}${at.huisletter === null ? '' : ` ${at.huisletter.toLowerCase()}`} ` +
  `${at.postcode} ${at.woonplaatsnaam} t.n.v. ${lot.owner}`;
