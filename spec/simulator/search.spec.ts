import { defaultProducts, kikAddress, locations, sampleAddress, uncoveredAddress } from '../../src/simulator';
import { createCatalogue } from '../../src/simulator/catalogue';
import { searchLocations } from '../../src/simulator/search';

const field = (name: string, query: string) => ({ field: { fields: [name], query } });

describe('searchLocations', () => {
  it('finds an address by postcode and house number (the documented bool/field query)', () => {
    const outcome = searchLocations('adres', {
      bool: {
        must: [
          field('postcode', '1234AB'),
          { field: { method: 'match', fields: ['huisnummer'], query: '2' } },
        ],
      },
    });
    expect(outcome).toEqual({
      ok: true,
      hits: [
        {
          score: expect.any(Number),
          uuid: sampleAddress.uuid,
          title: 'Voorbeeldstraat 2, 1234AB Plaats',
          properties: {
            type: 'adres',
            postcode: '1234AB',
            huisnummer: '2',
            huisnummertoevoeging: null,
            huisletter: null,
            openbareruimtenaam: 'Voorbeeldstraat',
            woonplaatsnaam: 'Plaats',
          },
        },
      ],
    });
  });

  it('ignores case and spaces, sorts by score, and supports should, must_not and dis_max', () => {
    const byPostcode = searchLocations('adres', field('postcode', '1234 ab'));
    expect(byPostcode.ok && byPostcode.hits.map((h) => h.uuid)).toEqual([sampleAddress.uuid]);

    const either = searchLocations('adres', {
      bool: { should: [field('postcode', '1234AB'), field('huisnummer', '8')] },
    });
    expect(either.ok && either.hits.map((h) => h.uuid)).toEqual([sampleAddress.uuid, kikAddress.uuid]);

    const notStad = searchLocations('adres', { bool: { must_not: [field('woonplaatsnaam', 'Stad')] } });
    expect(notStad.ok && notStad.hits).toHaveLength(3);

    const disMax = searchLocations('adres', {
      'dis-max': { queries: [field('postcode', '2345CD'), field('huisletter', 'b')] },
    });
    expect(disMax.ok && disMax.hits.map((h) => h.title)).toEqual(['Molenweg 12B, 2345CD Stad']);
  });

  it('finds the two lots under an address with entity perceel', () => {
    const outcome = searchLocations('perceel', {
      bool: { must: [field('postcode', '1234AC'), field('huisnummer', '8')] },
    });
    expect(outcome.ok && outcome.hits.map((h) => h.title).sort()).toEqual(['Dorp A 100', 'Dorp A 101']);
    expect(outcome.ok && outcome.hits[0]!.properties).toMatchObject({ type: 'perceel', sectie: 'A' });
  });

  it('returns an empty list when nothing matches and an error for a malformed query', () => {
    expect(searchLocations('adres', field('postcode', '0000XX'))).toEqual({ ok: true, hits: [] });
    expect(searchLocations('gebouw', field('postcode', '1234AB')).ok).toBe(false);
    expect(searchLocations('adres', { field: { fields: [], query: 'x' } }).ok).toBe(false);
    expect(searchLocations('adres', { bool: { must: 'x' } }).ok).toBe(false);
    expect(searchLocations('adres', { match_all: {} }).ok).toBe(false);
    expect(searchLocations('adres', null).ok).toBe(false);
  });
});

describe('createCatalogue', () => {
  const catalogue = createCatalogue(defaultProducts);

  it('gives stable intention uuids per location and product, one per covering plan', () => {
    const again = createCatalogue(defaultProducts);
    const here = catalogue.intentionsAt(sampleAddress.uuid, ['bestemmingsplanrapport']);
    expect(here).toHaveLength(1);
    expect(here[0]!.uuid).toBe(again.intentionsAt(sampleAddress.uuid, ['bestemmingsplanrapport'])[0]!.uuid);
    expect(here[0]!.properties).toMatchObject({
      plan_id: 'NL.IMRO.9999.BPPlaatsCentrum-VG01',
      datum: '2016-03-01',
    });
    const molenweg = locations.find((l) => l.title.startsWith('Molenweg'))!;
    expect(catalogue.intentionsAt(molenweg.uuid, ['bestemmingsplanrapport'])).toHaveLength(2);
    expect(catalogue.intention(here[0]!.uuid)).toEqual(here[0]);
  });

  it('has no intentions outside coverage and none for document-only products', () => {
    expect(catalogue.intentionsAt(uncoveredAddress.uuid)).toEqual([]);
    expect(catalogue.intentionsAt(sampleAddress.uuid, ['brondocument'])).toEqual([]);
  });

  it('rejects a broken product configuration at start-up', () => {
    expect(() => createCatalogue([{ slug: 'x', name: 'X', steps: 0, stepMs: [1, 2] }])).toThrow(/steps/);
    expect(() => createCatalogue([{ slug: 'x', name: 'X', steps: 1, stepMs: [2, 1] }])).toThrow(/stepMs/);
    const x = { slug: 'x', name: 'X', steps: 1, stepMs: [1, 2] } as const;
    expect(() => createCatalogue([x, x])).toThrow(/twice/);
  });
});
