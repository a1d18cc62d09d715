import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { PageSpinner } from '../components/Spinner';
import { SignInPage } from '../features/auth/routes/SignInPage';
import { SignUpPage } from '../features/auth/routes/SignUpPage';
import { CreateBusinessPage } from '../features/businesses/routes/CreateBusinessPage';
import { InvitationPage } from '../features/invitations/routes/InvitationPage';
import { meQueryOptions } from '../lib/me';
import { validateRedirectSearch } from '../lib/redirect';
import { preferences } from '../lib/storage';
import { homeRedirect } from './home-route';
import { AppLayout } from './layout/AppLayout';
import type { Section } from './layout/nav-items';
import { LenderConsoleRoute } from './routes/LenderConsoleRoute';
import { ComingSoonPage } from './routes/ComingSoonPage';
import { SettingsLayout } from './routes/SettingsLayout';
import { InventoryLayout, SalesLayout } from './routes/SectionLayouts';
import { CustomerDetailPage } from '../features/contacts/routes/CustomerDetailPage';
import { EditCustomerPage, NewCustomerPage } from '../features/contacts/routes/CustomerEditPage';
import { CustomersPage } from '../features/contacts/routes/CustomersPage';
import { EditProductPage, NewProductPage } from '../features/products/routes/ProductEditPage';
import { ProductsPage } from '../features/products/routes/ProductsPage';
import { InvoiceDetailPage } from '../features/invoices/routes/InvoiceDetailPage';
import { EditInvoicePage, NewInvoicePage } from '../features/invoices/routes/InvoiceEditorPage';
import { InvoicesPage } from '../features/invoices/routes/InvoicesPage';
import { useCurrentBusiness } from './current-business';
import {
  AuditSettingsPage,
  InvitationsSettingsPage,
  TaxesSettingsPage,
  MembersSettingsPage,
  ProfileSettingsPage,
} from './routes/settings-pages';
import { InlineRouteError, NotFoundPage, RouteErrorPage } from './routes/system-pages';
import { RootLayout } from './RootLayout';

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    throw homeRedirect(await context.queryClient.ensureQueryData(meQueryOptions));
  },
});

// Signed-in people visiting sign-in/sign-up go straight on to where they were headed.
const guestOnly = async ({ context, search }: { context: RouterContext; search: { redirect?: string } }) => {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (me) throw search.redirect ? redirect({ href: search.redirect }) : redirect({ to: '/' });
};

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: validateRedirectSearch,
  beforeLoad: guestOnly,
  component: function SignInRoute() {
    return <SignInPage redirect={signInRoute.useSearch().redirect} />;
  },
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-up',
  validateSearch: validateRedirectSearch,
  beforeLoad: guestOnly,
  component: function SignUpRoute() {
    return <SignUpPage redirect={signUpRoute.useSearch().redirect} />;
  },
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/$token',
  component: function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useParams().token} />;
  },
});

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
});

const createBusinessRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'businesses/new',
  component: CreateBusinessPage,
});

const lenderRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'lender',
  component: LenderConsoleRoute,
});

const businessRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'b/$businessId',
  beforeLoad: async ({ context, params }) => {
    const isMember = (me: typeof context.me | null) => me?.businesses.some((b) => b.id === params.businessId) ?? false;
    if (isMember(context.me)) return;
    // The list may be older than a business just created or joined: ask once more.
    const fresh = await context.queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    if (isMember(fresh)) return;
    if (preferences.lastBusinessId() === params.businessId) preferences.setLastBusinessId(null);
    throw redirect({ to: '/' });
  },
  component: AppLayout,
  errorComponent: InlineRouteError,
});

const businessIndexRoute = createRoute({
  getParentRoute: () => businessRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/b/$businessId/dashboard', params });
  },
});

function sectionRoute<S extends Section>(section: S) {
  return createRoute({
    getParentRoute: () => businessRoute,
    path: section,
    component: () => <ComingSoonPage section={section} />,
  });
}

const dashboardRoute = sectionRoute('dashboard');

/** The role and base currency pages need; the business layout has already loaded them. */
function useBusinessContext() {
  const { businessId, business } = useCurrentBusiness();
  return { businessId, role: business?.role ?? 'staff', baseCurrency: business?.baseCurrency ?? 'USD' };
}

const validateContactSearch = (search: Record<string, unknown>): { contactId?: string } =>
  typeof search.contactId === 'string' && search.contactId ? { contactId: search.contactId } : {};

const salesRoute = createRoute({ getParentRoute: () => businessRoute, path: 'sales', component: SalesLayout });
const salesIndexRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/b/$businessId/sales/invoices', params });
  },
});
const invoicesRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'invoices',
  validateSearch: validateContactSearch,
  component: function InvoicesRoute() {
    const ctx = useBusinessContext();
    return <InvoicesPage businessId={ctx.businessId} role={ctx.role} contactId={invoicesRoute.useSearch().contactId} />;
  },
});
const newInvoiceRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'invoices/new',
  validateSearch: validateContactSearch,
  component: function NewInvoiceRoute() {
    const ctx = useBusinessContext();
    return <NewInvoicePage {...ctx} contactId={newInvoiceRoute.useSearch().contactId} />;
  },
});
const invoiceRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'invoices/$invoiceId',
  component: function InvoiceRoute() {
    const ctx = useBusinessContext();
    return <InvoiceDetailPage businessId={ctx.businessId} role={ctx.role} invoiceId={invoiceRoute.useParams().invoiceId} />;
  },
});
const editInvoiceRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'invoices/$invoiceId/edit',
  component: function EditInvoiceRoute() {
    const ctx = useBusinessContext();
    return <EditInvoicePage {...ctx} invoiceId={editInvoiceRoute.useParams().invoiceId} />;
  },
});
const customersRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'customers',
  component: function CustomersRoute() {
    const ctx = useBusinessContext();
    return <CustomersPage businessId={ctx.businessId} role={ctx.role} />;
  },
});
const newCustomerRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'customers/new',
  component: function NewCustomerRoute() {
    const ctx = useBusinessContext();
    return <NewCustomerPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} />;
  },
});
const customerRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'customers/$contactId',
  component: function CustomerRoute() {
    const ctx = useBusinessContext();
    return <CustomerDetailPage businessId={ctx.businessId} role={ctx.role} contactId={customerRoute.useParams().contactId} />;
  },
});
const editCustomerRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'customers/$contactId/edit',
  component: function EditCustomerRoute() {
    const ctx = useBusinessContext();
    return <EditCustomerPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} contactId={editCustomerRoute.useParams().contactId} />;
  },
});

const inventoryRoute = createRoute({ getParentRoute: () => businessRoute, path: 'inventory', component: InventoryLayout });
const productsRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: '/',
  component: function ProductsRoute() {
    const ctx = useBusinessContext();
    return <ProductsPage businessId={ctx.businessId} role={ctx.role} />;
  },
});
const newProductRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'products/new',
  component: function NewProductRoute() {
    const ctx = useBusinessContext();
    return <NewProductPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} />;
  },
});
const productRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'products/$productId',
  component: function ProductRoute() {
    const ctx = useBusinessContext();
    return <EditProductPage {...ctx} productId={productRoute.useParams().productId} />;
  },
});
const purchasesRoute = sectionRoute('purchases');
const reportsRoute = sectionRoute('reports');
const financingRoute = sectionRoute('financing');

const settingsRoute = createRoute({ getParentRoute: () => businessRoute, path: 'settings', component: SettingsLayout });
const settingsProfileRoute = createRoute({ getParentRoute: () => settingsRoute, path: '/', component: ProfileSettingsPage });
const settingsMembersRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'members', component: MembersSettingsPage });
const settingsInvitationsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'invitations',
  component: InvitationsSettingsPage,
});
const settingsAuditRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'audit', component: AuditSettingsPage });
const settingsTaxesRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'taxes', component: TaxesSettingsPage });

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signUpRoute,
  invitationRoute,
  authedRoute.addChildren([
    createBusinessRoute,
    lenderRoute,
    businessRoute.addChildren([
      businessIndexRoute,
      dashboardRoute,
      salesRoute.addChildren([
        salesIndexRoute,
        invoicesRoute,
        newInvoiceRoute,
        invoiceRoute,
        editInvoiceRoute,
        customersRoute,
        newCustomerRoute,
        customerRoute,
        editCustomerRoute,
      ]),
      inventoryRoute.addChildren([productsRoute, newProductRoute, productRoute]),
      purchasesRoute,
      reportsRoute,
      financingRoute,
      settingsRoute.addChildren([
        settingsProfileRoute,
        settingsMembersRoute,
        settingsTaxesRoute,
        settingsInvitationsRoute,
        settingsAuditRoute,
      ]),
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loader data lives in TanStack Query; the router should not cache it again.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageSpinner,
    defaultPendingMs: 150,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
