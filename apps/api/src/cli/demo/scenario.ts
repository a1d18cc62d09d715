import { addDays, addMonths, daysInMonth } from '../../common/dates';
import type { SystemAccountKey } from '../../modules/ledger/chart';
import { Random } from './random';

/**
 * The demo businesses as plans: who they sell to and buy from, what they stock, and a dated
 * timeline of what happened over the last 24 full months (and the current one). Pure and seeded: the same `today` gives the
 * same history. The executor (demo.ts) replays a plan through the app's own services, so every
 * sale, receipt, bill, payment and expense lands in the books exactly as if a person had done it.
 */

export type Behaviour = 'prompt' | 'late' | 'very_late' | 'stops';

export interface PlanCustomer {
  key: string;
  name: string;
  email: string;
  termsDays: number;
  behaviour: Behaviour;
  /** Relative size of this customer's orders. */
  weight: number;
  /** 'stops': the first day from which nothing more is paid. */
  stopsPayingFrom?: string;
}

export interface PlanSupplier {
  key: string;
  name: string;
  email: string;
  termsDays: number;
}

export interface PlanProduct {
  sku: string;
  name: string;
  unit: string;
  kind: 'product' | 'service';
  /** Minor units of the base currency. */
  priceMinor: bigint;
  costMinor: bigint;
  supplierKey: string | null;
  /** Units sold per month at the season's average, before growth. */
  monthlyUnits: number;
  reorderPoint: number;
}

export interface SaleLine {
  sku: string;
  quantity: number;
}

export type PlanEvent =
  | {
      kind: 'sale';
      /** Names the sale for the credit notes that refer to it. */
      ref: number;
      date: string;
      customerKey: string;
      /** Shipped from the main warehouse or, for small walk-in sized orders, from the shop. */
      location: 'MAIN' | 'SHOP';
      lines: SaleLine[];
      /** Some wholesale sales start as a quote accepted a few days before. */
      quotedOn: string | null;
      shipOn: string;
      /** The paying date of its invoice (null: never paid, or paid only in part). */
      paidOn: string | null;
      /** Percent of the invoice paid when it is not paid in full (the customer who stops paying). */
      partialPercent?: number;
    }
  | { kind: 'lost_quote'; date: string; customerKey: string; lines: SaleLine[]; outcome: 'declined' | 'expired' }
  | { kind: 'purchase'; date: string; supplierKey: string; lines: { sku: string; quantity: number; unitCostMinor: bigint }[]; receiveOn: string; billOn: string; payOn: string | null }
  | { kind: 'expense'; date: string; category: SystemAccountKey; amountMinor: bigint; payee: string; description: string }
  | { kind: 'credit_note'; date: string; saleRef: number; percent: number; reason: string }
  | { kind: 'stock_count'; date: string; shrinkSku: string; shrinkUnits: number }
  | { kind: 'transfer'; date: string; lines: SaleLine[] };

export interface BusinessPlan {
  key: 'lotus' | 'brightside' | 'golden';
  name: string;
  baseCurrency: 'CNY' | 'USD' | 'HKD';
  country: string;
  timezone: string;
  valuationMethod: 'moving_average' | 'fifo';
  taxPercent: string;
  /** Paid in by the owner on the first day (minor units), and borrowed from a bank then (0: none). */
  openingCapitalMinor: bigint;
  openingLoanMinor: bigint;
  shop: { code: string; name: string } | null;
  customers: PlanCustomer[];
  suppliers: PlanSupplier[];
  products: PlanProduct[];
  events: PlanEvent[];
  /** Plain words for the README and the seed's summary. */
  story: string;
}

interface Profile {
  /** Growth per year (0.4 = +40 %), applied smoothly over the 24 months. */
  growth: number;
  /** Month-of-year demand factors, January first. */
  season: number[];
  salesPerMonth: number;
  creditNotesPerYear: number;
  quoteShare: number;
  /** Days a bill is paid after its due date (negative: early). */
  billDelay: [number, number];
  /** Purchases relative to demand (above 1: stock builds up). */
  overbuy: number;
  monthlyExpenses: { category: SystemAccountKey; amountMinor: bigint; payee: string; description: string }[];
}

const mk = (n: string, email: string, termsDays: number, behaviour: Behaviour, weight: number): Omit<PlanCustomer, 'key'> => ({
  name: n,
  email,
  termsDays,
  behaviour,
  weight,
});

function customersOf(prefix: string, list: Omit<PlanCustomer, 'key'>[]): PlanCustomer[] {
  return list.map((c, i) => ({ ...c, key: `${prefix}-c${i + 1}` }));
}

/**
 * Whole months of history before the current one: two full years, so that a year can be compared
 * with the year before (sales growth is one of the credit model's ratios).
 */
export const HISTORY_MONTHS = 24;

/** First day of the month `offset` months before today's month (offset 24 = the first month of history). */
const monthStart = (today: string, offset: number) => addMonths(`${today.slice(0, 8)}01`, -offset);

export function buildPlans(today: string, seed = 20261130): BusinessPlan[] {
  return [lotus(today, new Random(seed)), brightside(today, new Random(seed + 1)), golden(today, new Random(seed + 2))];
}

function lotus(today: string, r: Random): BusinessPlan {
  const customers = customersOf('lotus', [
    mk('Jade Garden Restaurant', 'ap@jadegarden.example', 30, 'prompt', 5),
    mk('Peninsula Hotel Shanghai', 'purchasing@peninsula-sh.example', 45, 'late', 6),
    mk('Sunrise Café', 'hello@sunrisecafe.example', 15, 'prompt', 2),
    mk('Blue Lotus Spa', 'office@bluelotusspa.example', 30, 'prompt', 2),
    mk('Harmony Tea Room', 'orders@harmonytea.example', 30, 'prompt', 3),
    mk('茶香阁 Tea Pavilion', 'caigou@chaxiangge.example', 30, 'prompt', 3),
    mk('Golden Phoenix Banquet Hall', 'finance@goldenphoenix.example', 30, 'very_late', 4),
    mk('Riverside Bistro', 'manager@riversidebistro.example', 15, 'prompt', 2),
    mk('Zen Yoga Studio', 'front@zenyoga.example', 15, 'prompt', 1),
    mk('Pudong Business Centre', 'admin@pudongbc.example', 30, 'late', 3),
    mk('Willow Bookshop Café', 'willow@bookshop.example', 15, 'prompt', 1),
    mk('Bamboo House Dim Sum', 'accounts@bamboohouse.example', 30, 'prompt', 4),
    mk('East Wind Trading Co.', 'ap@eastwind.example', 60, 'stops', 5),
    mk('Silk Road Gifts', 'shop@silkroadgifts.example', 30, 'prompt', 2),
    mk('Moonlight Karaoke', 'boss@moonlightktv.example', 30, 'late', 1),
    mk('Orchid Boutique Hotel', 'buyer@orchidhotel.example', 30, 'prompt', 4),
    mk('Lakeview Golf Club', 'fnb@lakeviewgolf.example', 45, 'prompt', 3),
    mk('Camellia Wedding Studio', 'events@camellia.example', 15, 'prompt', 1),
    mk('Xintiandi Coffee Lab', 'lab@xtdcoffee.example', 15, 'prompt', 2),
    mk('Red Lantern Noodle Bar', 'red@lanternnoodles.example', 15, 'prompt', 2),
    mk('Jing’an Co-working', 'ops@jingancowork.example', 30, 'prompt', 2),
    mk('Heritage Museum Shop', 'shop@heritagemuseum.example', 30, 'prompt', 2),
    mk('Panda Preschool', 'office@pandapreschool.example', 30, 'prompt', 1),
    mk('Seaside Resort Sanya', 'purchase@seasidesanya.example', 45, 'late', 4),
    mk('Maple Leaf Consulting', 'admin@mapleleaf.example', 30, 'prompt', 1),
    mk('Imperial Garden Hotpot', 'ap@imperialhotpot.example', 30, 'prompt', 3),
    mk('Starlight Cinema Lounge', 'lounge@starlight.example', 30, 'prompt', 1),
    mk('Cloud Nine Rooftop Bar', 'bar@cloudnine.example', 15, 'prompt', 2),
    mk('Green Leaf Vegetarian', 'green@leafveg.example', 15, 'prompt', 2),
    mk('Shanghai Arts Centre Café', 'cafe@shartscentre.example', 30, 'prompt', 2),
    mk('Lotus Pond Monastery Shop', 'shop@lotuspond.example', 30, 'prompt', 1),
    mk('Fortune Cookie Bakery', 'orders@fortunebakery.example', 15, 'prompt', 1),
    mk('Nanjing Road Department Store', 'buying@njroadstore.example', 60, 'late', 5),
    mk('Tranquil Waters Wellness', 'desk@tranquilwaters.example', 30, 'prompt', 1),
    mk('Oriental Pearl Catering', 'catering@orientalpearl.example', 30, 'prompt', 3),
    mk('Bund View Private Club', 'members@bundview.example', 30, 'prompt', 2),
  ]);
  const stops = customers.find((c) => c.behaviour === 'stops')!;
  stops.stopsPayingFrom = addMonths(monthStart(today, 0), -5);
  const suppliers: PlanSupplier[] = [
    { key: 'lotus-s1', name: 'Wuyi Mountain Tea Cooperative', email: 'sales@wuyitea.example', termsDays: 30 },
    { key: 'lotus-s2', name: 'Pu’er Heritage Farms', email: 'export@puerheritage.example', termsDays: 30 },
    { key: 'lotus-s3', name: 'Jingdezhen Porcelain Works', email: 'orders@jdzporcelain.example', termsDays: 45 },
    { key: 'lotus-s4', name: 'Hangzhou Longjing Estate', email: 'trade@longjing.example', termsDays: 30 },
  ];
  const y = (n: number) => BigInt(n) * 100n;
  const products: PlanProduct[] = [
    { sku: 'TEA-DHP-250', name: 'Da Hong Pao oolong, 250 g', unit: 'bag', kind: 'product', priceMinor: y(288), costMinor: y(150), supplierKey: 'lotus-s1', monthlyUnits: 40, reorderPoint: 25 },
    { sku: 'TEA-TGY-250', name: 'Tieguanyin oolong, 250 g', unit: 'bag', kind: 'product', priceMinor: y(168), costMinor: y(85), supplierKey: 'lotus-s1', monthlyUnits: 55, reorderPoint: 30 },
    { sku: 'TEA-LJ-100', name: 'West Lake Longjing green, 100 g', unit: 'tin', kind: 'product', priceMinor: y(238), costMinor: y(120), supplierKey: 'lotus-s4', monthlyUnits: 45, reorderPoint: 25 },
    { sku: 'TEA-BLC-100', name: 'Bi Luo Chun green, 100 g', unit: 'tin', kind: 'product', priceMinor: y(198), costMinor: y(96), supplierKey: 'lotus-s4', monthlyUnits: 30, reorderPoint: 15 },
    { sku: 'TEA-PUER-357', name: 'Aged Pu’er cake, 357 g', unit: 'cake', kind: 'product', priceMinor: y(468), costMinor: y(240), supplierKey: 'lotus-s2', monthlyUnits: 18, reorderPoint: 10 },
    { sku: 'TEA-PUER-MINI', name: 'Pu’er mini tuocha, box of 20', unit: 'box', kind: 'product', priceMinor: y(128), costMinor: y(60), supplierKey: 'lotus-s2', monthlyUnits: 35, reorderPoint: 20 },
    { sku: 'TEA-JAS-500', name: 'Jasmine pearls, 500 g', unit: 'bag', kind: 'product', priceMinor: y(328), costMinor: y(170), supplierKey: 'lotus-s4', monthlyUnits: 25, reorderPoint: 12 },
    { sku: 'TEA-WHT-200', name: 'Bai Mu Dan white tea, 200 g', unit: 'bag', kind: 'product', priceMinor: y(218), costMinor: y(110), supplierKey: 'lotus-s1', monthlyUnits: 20, reorderPoint: 10 },
    { sku: 'WARE-GAIWAN', name: 'Porcelain gaiwan, 150 ml', unit: 'pcs', kind: 'product', priceMinor: y(88), costMinor: y(38), supplierKey: 'lotus-s3', monthlyUnits: 30, reorderPoint: 15 },
    { sku: 'WARE-CUPS6', name: 'Tasting cups, set of 6', unit: 'set', kind: 'product', priceMinor: y(128), costMinor: y(55), supplierKey: 'lotus-s3', monthlyUnits: 20, reorderPoint: 10 },
    { sku: 'WARE-POT', name: 'Yixing clay teapot', unit: 'pcs', kind: 'product', priceMinor: y(580), costMinor: y(260), supplierKey: 'lotus-s3', monthlyUnits: 6, reorderPoint: 4 },
    { sku: 'GIFT-BOX', name: 'Festival gift box (three teas)', unit: 'box', kind: 'product', priceMinor: y(398), costMinor: y(190), supplierKey: 'lotus-s4', monthlyUnits: 12, reorderPoint: 10 },
    { sku: 'SVC-TASTING', name: 'Tea tasting workshop (2 hours)', unit: 'session', kind: 'service', priceMinor: y(1200), costMinor: 0n, supplierKey: null, monthlyUnits: 3, reorderPoint: 0 },
    { sku: 'SVC-DELIVERY', name: 'Same-day delivery', unit: 'trip', kind: 'service', priceMinor: y(30), costMinor: 0n, supplierKey: null, monthlyUnits: 20, reorderPoint: 0 },
  ];
  const profile: Profile = {
    growth: 0.05,
    // Spring Festival (Jan/Feb) and Mid-Autumn (Sep) gifting; a quiet summer.
    season: [1.5, 1.35, 0.9, 0.95, 0.9, 0.75, 0.7, 0.8, 1.3, 1.05, 0.95, 1.15],
    salesPerMonth: 24,
    creditNotesPerYear: 5,
    quoteShare: 0.2,
    billDelay: [-3, 3],
    overbuy: 1.05,
    monthlyExpenses: [
      { category: 'rent', amountMinor: y(4500), payee: 'Jing’an Property Management', description: 'Shop and store room rent' },
      { category: 'salaries', amountMinor: y(8200), payee: 'Staff payroll', description: 'Salaries (two shop assistants, part time)' },
      { category: 'utilities', amountMinor: y(500), payee: 'Shanghai Electric & Water', description: 'Electricity and water' },
      { category: 'bank_fees', amountMinor: y(60), payee: 'Bank of Shanghai', description: 'Account and transfer fees' },
      { category: 'interest_expense', amountMinor: y(450), payee: 'Bank of Shanghai', description: 'Interest on the business loan' },
    ],
  };
  return {
    key: 'lotus',
    name: 'Lotus Tea House',
    baseCurrency: 'CNY',
    country: 'CN',
    timezone: 'Asia/Shanghai',
    valuationMethod: 'moving_average',
    taxPercent: '13',
    openingCapitalMinor: y(60000),
    openingLoanMinor: y(100000),
    shop: { code: 'SHOP', name: 'Jing’an tea shop' },
    customers,
    suppliers,
    products,
    events: timeline(today, r, { customers, suppliers, products, profile, shop: true }),
    story: 'Steady: flat sales with festival peaks, thin margins, a bank loan, a few late payers and one wholesale customer who stopped paying five months ago.',
  };
}

function brightside(today: string, r: Random): BusinessPlan {
  const customers = customersOf('bright', [
    mk('Metro Courier Co.', 'fleet@metrocourier.example', 30, 'prompt', 6),
    mk('Greenway Commuters Club', 'club@greenway.example', 15, 'prompt', 2),
    mk('Summit Outdoor Store', 'buying@summitoutdoor.example', 30, 'prompt', 5),
    mk('Campus Bike Share', 'ops@campusbikes.example', 30, 'prompt', 4),
    mk('Harbor Tours', 'rentals@harbortours.example', 15, 'prompt', 3),
    mk('Pedal Power Gym', 'info@pedalpower.example', 15, 'prompt', 1),
    mk('City Parks Department', 'procurement@cityparks.example', 30, 'prompt', 4),
    mk('Riverfront Hotel', 'concierge@riverfront.example', 30, 'prompt', 2),
    mk('Trailhead Rentals', 'trailhead@rentals.example', 15, 'prompt', 3),
    mk('Velo Café', 'velo@cafe.example', 15, 'prompt', 1),
    mk('Northside School District', 'purchasing@northside.example', 30, 'prompt', 3),
    mk('Coastal Delivery Collective', 'coop@coastaldelivery.example', 30, 'prompt', 4),
    mk('Sunny Day Camps', 'camps@sunnyday.example', 30, 'prompt', 2),
    mk('Tech Park Wellness', 'wellness@techpark.example', 30, 'prompt', 3),
    mk('Lakeside Resort', 'activities@lakeside.example', 30, 'prompt', 2),
    mk('Urban Fitness Chain', 'ops@urbanfit.example', 30, 'prompt', 3),
    mk('Bike Kitchen Co-op', 'kitchen@bikecoop.example', 15, 'prompt', 1),
    mk('Mountain Guides Ltd', 'gear@mountainguides.example', 30, 'prompt', 2),
    mk('Green Fleet Logistics', 'fleet@greenfleet.example', 30, 'prompt', 5),
    mk('Family Cycles Shop', 'owner@familycycles.example', 30, 'prompt', 2),
    mk('University Sports Dept', 'sports@university.example', 30, 'prompt', 2),
    mk('E-Ride Startups Inc.', 'hello@eride.example', 30, 'prompt', 3),
    mk('Seaside Boardwalk Rentals', 'rent@boardwalk.example', 15, 'prompt', 2),
    mk('Corporate Commute Program', 'hr@commuteprogram.example', 30, 'prompt', 3),
  ]);
  const suppliers: PlanSupplier[] = [
    { key: 'bright-s1', name: 'Pacific Frame Works', email: 'orders@pacificframes.example', termsDays: 30 },
    { key: 'bright-s2', name: 'Volt Drive Motors', email: 'sales@voltdrive.example', termsDays: 30 },
    { key: 'bright-s3', name: 'Allied Parts Distribution', email: 'ap@alliedparts.example', termsDays: 15 },
  ];
  const d = (n: number) => BigInt(n) * 100n;
  const products: PlanProduct[] = [
    { sku: 'BIKE-CITY', name: 'City commuter bike', unit: 'pcs', kind: 'product', priceMinor: d(649), costMinor: d(330), supplierKey: 'bright-s1', monthlyUnits: 14, reorderPoint: 8 },
    { sku: 'BIKE-EBIKE', name: 'E-bike 500 W', unit: 'pcs', kind: 'product', priceMinor: d(1890), costMinor: d(1020), supplierKey: 'bright-s2', monthlyUnits: 10, reorderPoint: 6 },
    { sku: 'BIKE-CARGO', name: 'Cargo bike', unit: 'pcs', kind: 'product', priceMinor: d(2450), costMinor: d(1380), supplierKey: 'bright-s2', monthlyUnits: 4, reorderPoint: 3 },
    { sku: 'BIKE-KIDS', name: 'Kids bike 20"', unit: 'pcs', kind: 'product', priceMinor: d(289), costMinor: d(140), supplierKey: 'bright-s1', monthlyUnits: 8, reorderPoint: 5 },
    { sku: 'PART-HELMET', name: 'Helmet', unit: 'pcs', kind: 'product', priceMinor: d(59), costMinor: d(22), supplierKey: 'bright-s3', monthlyUnits: 30, reorderPoint: 20 },
    { sku: 'PART-LOCK', name: 'U-lock', unit: 'pcs', kind: 'product', priceMinor: d(45), costMinor: d(17), supplierKey: 'bright-s3', monthlyUnits: 28, reorderPoint: 20 },
    { sku: 'PART-LIGHTS', name: 'Light set', unit: 'set', kind: 'product', priceMinor: d(39), costMinor: d(14), supplierKey: 'bright-s3', monthlyUnits: 26, reorderPoint: 15 },
    { sku: 'PART-BATT', name: 'Spare e-bike battery', unit: 'pcs', kind: 'product', priceMinor: d(520), costMinor: d(290), supplierKey: 'bright-s2', monthlyUnits: 5, reorderPoint: 3 },
    { sku: 'SVC-TUNEUP', name: 'Fleet tune-up (per bike)', unit: 'bike', kind: 'service', priceMinor: d(79), costMinor: 0n, supplierKey: null, monthlyUnits: 25, reorderPoint: 0 },
    { sku: 'SVC-FITTING', name: 'Professional bike fitting', unit: 'session', kind: 'service', priceMinor: d(150), costMinor: 0n, supplierKey: null, monthlyUnits: 4, reorderPoint: 0 },
  ];
  const profile: Profile = {
    growth: 0.45,
    // Spring and summer riding season.
    season: [0.6, 0.7, 1.0, 1.25, 1.35, 1.35, 1.3, 1.2, 1.05, 0.9, 0.7, 0.75],
    salesPerMonth: 22,
    creditNotesPerYear: 2,
    quoteShare: 0.3,
    billDelay: [-10, -2],
    overbuy: 1.0,
    monthlyExpenses: [
      { category: 'rent', amountMinor: d(1300), payee: 'Dockside Properties', description: 'Workshop and showroom rent' },
      { category: 'salaries', amountMinor: d(2200), payee: 'Payroll', description: 'Salary (one mechanic)' },
      { category: 'utilities', amountMinor: d(120), payee: 'City Power & Water', description: 'Utilities' },
      { category: 'marketing', amountMinor: d(250), payee: 'Local Ads Co.', description: 'Online advertising' },
    ],
  };
  return {
    key: 'brightside',
    name: 'Brightside Bicycles',
    baseCurrency: 'USD',
    country: 'US',
    timezone: 'America/Los_Angeles',
    valuationMethod: 'fifo',
    taxPercent: '8.5',
    openingCapitalMinor: d(60000),
    openingLoanMinor: 0n,
    shop: null,
    customers,
    suppliers,
    products,
    events: timeline(today, r, { customers, suppliers, products, profile, shop: false }),
    story: 'Thriving: sales up about 45 % a year, customers who pay on time, suppliers paid early, healthy margins.',
  };
}

function golden(today: string, r: Random): BusinessPlan {
  const customers = customersOf('golden', [
    mk('Pearl River Supermarkets', 'ap@pearlriver.example', 60, 'very_late', 16),
    mk('Kowloon Stationers', 'orders@kowloonstat.example', 30, 'late', 2),
    mk('Harbour Real Estate', 'marketing@harbourre.example', 30, 'late', 2),
    mk('Victoria Events', 'events@victoria.example', 30, 'prompt', 1),
    mk('Mong Kok Electronics', 'ads@mkelec.example', 30, 'very_late', 2),
    mk('Tsim Sha Tsui Restaurants Group', 'ap@tstgroup.example', 45, 'late', 3),
    mk('Wan Chai Clinics', 'admin@wanchaiclinic.example', 30, 'prompt', 1),
    mk('Causeway Bay Fashion', 'buying@cbfashion.example', 30, 'late', 2),
    mk('Lantau Tourism Board', 'print@lantau.example', 45, 'prompt', 1),
    mk('Sai Kung Seafood House', 'boss@saikungseafood.example', 15, 'late', 1),
    mk('Central Law Partners', 'office@centrallaw.example', 30, 'prompt', 1),
    mk('Aberdeen Boat Club', 'club@aberdeenboats.example', 30, 'prompt', 1),
  ]);
  const suppliers: PlanSupplier[] = [
    { key: 'golden-s1', name: 'Dongguan Paper Mills', email: 'sales@dgpaper.example', termsDays: 30 },
    { key: 'golden-s2', name: 'Shenzhen Ink & Toner', email: 'orders@szink.example', termsDays: 30 },
  ];
  const h = (n: number) => BigInt(n) * 100n;
  const products: PlanProduct[] = [
    { sku: 'PRT-FLYER-1K', name: 'Flyers A5, 1,000', unit: 'lot', kind: 'product', priceMinor: h(680), costMinor: h(470), supplierKey: 'golden-s1', monthlyUnits: 40, reorderPoint: 20 },
    { sku: 'PRT-POSTER-100', name: 'Posters A2, 100', unit: 'lot', kind: 'product', priceMinor: h(1450), costMinor: h(1040), supplierKey: 'golden-s1', monthlyUnits: 18, reorderPoint: 10 },
    { sku: 'PRT-CARDS-500', name: 'Business cards, 500', unit: 'box', kind: 'product', priceMinor: h(260), costMinor: h(170), supplierKey: 'golden-s1', monthlyUnits: 30, reorderPoint: 15 },
    { sku: 'PRT-CATALOG', name: 'Catalogue, 48 pages, 200', unit: 'lot', kind: 'product', priceMinor: h(5200), costMinor: h(3900), supplierKey: 'golden-s1', monthlyUnits: 6, reorderPoint: 3 },
    { sku: 'PRT-TONER', name: 'Toner cartridge (resale)', unit: 'pcs', kind: 'product', priceMinor: h(720), costMinor: h(560), supplierKey: 'golden-s2', monthlyUnits: 12, reorderPoint: 8 },
    { sku: 'SVC-DESIGN', name: 'Design service (hour)', unit: 'hour', kind: 'service', priceMinor: h(480), costMinor: 0n, supplierKey: null, monthlyUnits: 15, reorderPoint: 0 },
  ];
  const profile: Profile = {
    growth: -0.3,
    season: [1.1, 0.8, 1.0, 1.0, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05, 1.1, 1.2],
    salesPerMonth: 15,
    creditNotesPerYear: 8,
    quoteShare: 0.4,
    billDelay: [20, 60],
    overbuy: 1.35,
    monthlyExpenses: [
      { category: 'rent', amountMinor: h(26000), payee: 'Kwun Tong Industrial Estates', description: 'Print shop rent' },
      { category: 'salaries', amountMinor: h(46000), payee: 'Payroll', description: 'Salaries (three press operators)' },
      { category: 'utilities', amountMinor: h(3500), payee: 'CLP Power', description: 'Electricity for the presses' },
      { category: 'interest_expense', amountMinor: h(2500), payee: 'Hang Seng Bank', description: 'Interest on the bank loan' },
    ],
  };
  return {
    key: 'golden',
    name: 'Golden Dragon Printing',
    baseCurrency: 'HKD',
    country: 'HK',
    timezone: 'Asia/Hong_Kong',
    valuationMethod: 'moving_average',
    taxPercent: '0',
    openingCapitalMinor: h(150000),
    openingLoanMinor: h(400000),
    shop: null,
    customers,
    suppliers,
    products,
    events: timeline(today, r, { customers, suppliers, products, profile, shop: false }),
    story: 'Declining: sales down about 30 % a year, one supermarket chain is half the business and pays very late, bills paid weeks overdue, stock piling up.',
  };
}

/**
 * The dated history of one business. Stock is simulated here so that every sale is covered by what
 * was received before it (purchases are sized from the coming month's demand plus safety stock).
 */
function timeline(
  today: string,
  r: Random,
  b: { customers: PlanCustomer[]; suppliers: PlanSupplier[]; products: PlanProduct[]; profile: Profile; shop: boolean },
): PlanEvent[] {
  const p = b.profile;
  const events: PlanEvent[] = [];
  const stocked = b.products.filter((x) => x.kind === 'product');
  const stock = { MAIN: new Map<string, number>(), SHOP: new Map<string, number>() };
  const have = (loc: 'MAIN' | 'SHOP', sku: string) => stock[loc].get(sku) ?? 0;
  const move = (loc: 'MAIN' | 'SHOP', sku: string, by: number) => stock[loc].set(sku, have(loc, sku) + by);
  const total = (sku: string) => have('MAIN', sku) + have('SHOP', sku);
  const sales: Extract<PlanEvent, { kind: 'sale' }>[] = [];
  const factor = (monthIndex: number, month: number) => p.season[month] * Math.pow(1 + p.growth, (monthIndex - HISTORY_MONTHS) / 12);

  for (let m = HISTORY_MONTHS; m >= 0; m--) {
    const start = monthStart(today, m);
    const monthIndex = HISTORY_MONTHS - m;
    const month = Number(start.slice(5, 7)) - 1;
    const last = m === 0 ? Number(today.slice(8, 10)) : daysInMonth(Number(start.slice(0, 4)), month + 1);
    const f = factor(monthIndex, month);
    const next = factor(monthIndex + 1, (month + 1) % 12);

    // Purchases on the 1st or 2nd for this month's and next month's demand, received by the 3rd.
    for (const s of b.suppliers) {
      const lines = stocked
        .filter((x) => x.supplierKey === s.key)
        .map((x) => {
          const target = Math.ceil(x.monthlyUnits * (f + 0.5 * next) * p.overbuy) + x.reorderPoint;
          const quantity = Math.max(0, target - total(x.sku));
          const drift = 1 + (monthIndex - 12) * 0.004 + (r.next() - 0.5) * 0.04;
          return { sku: x.sku, quantity, unitCostMinor: BigInt(Math.round(Number(x.costMinor) * drift)) };
        })
        .filter((l) => l.quantity > 0);
      if (lines.length === 0) continue;
      const date = addDays(start, r.int(0, 1));
      const receiveOn = addDays(date, r.int(0, 1));
      if (receiveOn > today) continue;
      const billOn = addDays(receiveOn, r.int(0, 2));
      const payOn = addDays(billOn, s.termsDays + r.int(p.billDelay[0], p.billDelay[1]));
      events.push({ kind: 'purchase', date, supplierKey: s.key, lines, receiveOn, billOn: billOn > today ? receiveOn : billOn, payOn: payOn <= today ? payOn : null });
      for (const l of lines) move('MAIN', l.sku, l.quantity);
    }

    // Sales through the month, after the goods are in and the shop restocked (from the 7th).
    const count = Math.max(1, r.poisson(p.salesPerMonth * f));
    for (let i = 0; i < count; i++) {
      const date = addDays(start, r.int(6, Math.max(6, last - 1)));
      if (date > today) continue;
      const customer = r.weighted(b.customers, (c) => c.weight);
      const location: 'MAIN' | 'SHOP' = b.shop && customer.weight <= 2 && r.chance(0.5) ? 'SHOP' : 'MAIN';
      const lineCount = r.int(1, 3);
      const lines: SaleLine[] = [];
      for (let j = 0; j < lineCount; j++) {
        const product = r.weighted(b.products, (x) => x.monthlyUnits);
        if (lines.some((l) => l.sku === product.sku)) continue;
        const mean = (product.monthlyUnits / p.salesPerMonth) * customer.weight * 0.6 + 1;
        let quantity = Math.max(1, Math.round(mean * (0.5 + r.next())));
        if (product.kind === 'product') {
          quantity = Math.min(quantity, have(location, product.sku));
          if (quantity <= 0) continue;
          move(location, product.sku, -quantity);
        }
        lines.push({ sku: product.sku, quantity });
      }
      if (lines.length === 0) continue;
      const shipLag = r.int(0, 2);
      const shipOn = addDays(date, shipLag) > today ? date : addDays(date, shipLag);
      const due = addDays(shipOn, customer.termsDays);
      const delay =
        customer.behaviour === 'prompt' ? r.int(-5, 3) : customer.behaviour === 'late' ? r.int(5, 25) : customer.behaviour === 'very_late' ? r.int(40, 85) : r.int(0, 20);
      let paidOn: string | null = addDays(due, delay);
      let partialPercent: number | undefined;
      if (customer.stopsPayingFrom && paidOn >= customer.stopsPayingFrom) {
        // The last invoices before the stop were paid in part, later ones not at all.
        partialPercent = shipOn < customer.stopsPayingFrom ? 40 : undefined;
        paidOn = partialPercent ? addDays(customer.stopsPayingFrom, -1) : null;
      }
      if (paidOn && paidOn > today) paidOn = null;
      const quotedOn = r.chance(p.quoteShare) ? addDays(date, -r.int(2, 6)) : null;
      const sale = { kind: 'sale' as const, ref: sales.length, date, customerKey: customer.key, location, lines, quotedOn, shipOn, paidOn, partialPercent };
      sales.push(sale);
      events.push(sale);
    }

    // A lost quote now and then.
    if (r.chance(p.quoteShare)) {
      const date = addDays(start, r.int(3, Math.max(3, last - 1)));
      if (date <= today) {
        const product = r.weighted(b.products, (x) => x.monthlyUnits);
        events.push({
          kind: 'lost_quote',
          date,
          customerKey: r.weighted(b.customers, (c) => c.weight).key,
          lines: [{ sku: product.sku, quantity: r.int(5, 20) }],
          outcome: r.chance(0.5) ? 'declined' : 'expired',
        });
      }
    }

    // Running costs on the 25th (or today, in the current month).
    const expenseDay = addDays(start, Math.min(24, last - 1));
    for (const e of p.monthlyExpenses) {
      if (expenseDay > today) continue;
      const wiggle = e.category === 'utilities' ? 0.85 + r.next() * 0.3 : 1;
      events.push({ kind: 'expense', date: expenseDay, category: e.category, amountMinor: BigInt(Math.round(Number(e.amountMinor) * wiggle)), payee: e.payee, description: e.description });
    }
    if (r.chance(0.35)) {
      const date = addDays(start, r.int(0, last - 1));
      if (date <= today) {
        const kind = r.pick<SystemAccountKey>(['office_supplies', 'travel', 'marketing', 'other_expenses']);
        const scale = p.monthlyExpenses[1].amountMinor / 20n;
        events.push({ kind: 'expense', date, category: kind, amountMinor: scale + BigInt(r.int(0, Number(scale))), payee: 'Various', description: `${kind.replace('_', ' ')}` });
      }
    }

    // Credit notes for damaged or disputed goods.
    if (sales.length > 3 && r.chance(p.creditNotesPerYear / 12)) {
      const sale = sales[sales.length - 1 - r.int(0, Math.min(5, sales.length - 1))];
      const date = addDays(sale.shipOn, r.int(3, 12));
      if (date <= today && (!sale.paidOn || date < sale.paidOn)) {
        events.push({ kind: 'credit_note', date, saleRef: sale.ref, percent: r.pick([10, 20, 50, 100]), reason: r.pick(['Damaged in transit', 'Wrong item delivered', 'Quality complaint', 'Price correction']) });
      }
    }

    // The shop is restocked from the warehouse every month; counts twice a year find a little shrinkage.
    // (The transfer is dated the 4th: after this month's receipts, before the month's sales.)
    if (b.shop && addDays(start, 3) <= today) {
      const lines = stocked
        .slice(0, 6)
        .map((x) => ({ sku: x.sku, quantity: Math.min(Math.max(0, 8 - have('SHOP', x.sku)), Math.floor(have('MAIN', x.sku) / 4)) }))
        .filter((l) => l.quantity > 0);
      for (const l of lines) {
        move('MAIN', l.sku, -l.quantity);
        move('SHOP', l.sku, l.quantity);
      }
      if (lines.length > 0) events.push({ kind: 'transfer', date: addDays(start, 3), lines });
    }
    if (month === 5 || month === 11) {
      const shrink = r.pick(stocked);
      const date = addDays(start, Math.min(27, last - 1));
      if (date <= today && have('MAIN', shrink.sku) > 2) {
        const shrinkUnits = r.int(1, 2);
        events.push({ kind: 'stock_count', date, shrinkSku: shrink.sku, shrinkUnits });
        move('MAIN', shrink.sku, -shrinkUnits);
      }
    }
  }
  // Chronological, stable: same-day events keep their order (purchases before sales).
  return events.map((e, i) => ({ e, i })).sort((a, b2) => (a.e.date < b2.e.date ? -1 : a.e.date > b2.e.date ? 1 : a.i - b2.i)).map((x) => x.e);
}
