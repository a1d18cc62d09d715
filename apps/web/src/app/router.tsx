import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
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
import type { Permissions } from '../lib/permissions';
import { LenderConsoleRoute } from './routes/LenderConsoleRoute';
import { SettingsLayout } from './routes/SettingsLayout';
import { InventoryLayout, PurchasesLayout, SalesLayout } from './routes/SectionLayouts';
import { BillDetailPage } from '../features/purchases/routes/BillDetailPage';
import { EditBillPage, NewBillPage } from '../features/purchases/routes/BillEditorPage';
import { BillPaymentDetailPage } from '../features/purchases/routes/BillPaymentDetailPage';
import { BillPaymentsPage } from '../features/purchases/routes/BillPaymentsPage';
import { BillsPage } from '../features/purchases/routes/BillsPage';
import { ExpenseDetailPage } from '../features/purchases/routes/ExpenseDetailPage';
import { ExpensesPage } from '../features/purchases/routes/ExpensesPage';
import { NewBillPaymentPage } from '../features/purchases/routes/NewBillPaymentPage';
import { NewExpensePage } from '../features/purchases/routes/NewExpensePage';
import { PurchaseOrderDetailPage } from '../features/purchases/routes/PurchaseOrderDetailPage';
import { EditPurchaseOrderPage, NewPurchaseOrderPage } from '../features/purchases/routes/PurchaseOrderEditorPage';
import { PurchaseOrdersPage } from '../features/purchases/routes/PurchaseOrdersPage';
import { NewSupplierPage, SuppliersPage } from '../features/purchases/routes/SuppliersPage';
import { ApAgingPage } from '../features/reports/routes/ApAgingPage';
import { FinancingLayout } from './routes/FinancingLayout';
import { GrantWizardPage } from '../features/consent/routes/GrantWizardPage';
import { SharingPage } from '../features/consent/routes/SharingPage';
import { CreditProfilePage } from '../features/credit/routes/CreditProfilePage';
import { CustomerDetailPage } from '../features/contacts/routes/CustomerDetailPage';
import { EditCustomerPage, NewCustomerPage } from '../features/contacts/routes/CustomerEditPage';
import { CustomersPage } from '../features/contacts/routes/CustomersPage';
import { EditProductPage, NewProductPage } from '../features/products/routes/ProductEditPage';
import { ProductsPage } from '../features/products/routes/ProductsPage';
import { AdjustStockPage } from '../features/inventory/routes/AdjustStockPage';
import { CountDetailPage } from '../features/inventory/routes/CountDetailPage';
import { CountsPage } from '../features/inventory/routes/CountsPage';
import { LocationsPage } from '../features/inventory/routes/LocationsPage';
import { OperationDetailPage } from '../features/inventory/routes/OperationDetailPage';
import { OperationsPage } from '../features/inventory/routes/OperationsPage';
import { ReorderPage } from '../features/inventory/routes/ReorderPage';
import { StockCardPage } from '../features/inventory/routes/StockCardPage';
import { StockLevelsPage } from '../features/inventory/routes/StockLevelsPage';
import { TransferStockPage } from '../features/inventory/routes/TransferStockPage';
import { ValuationPage } from '../features/inventory/routes/ValuationPage';
import { InvoiceDetailPage } from '../features/invoices/routes/InvoiceDetailPage';
import { EditInvoicePage, NewInvoicePage } from '../features/invoices/routes/InvoiceEditorPage';
import { InvoicesPage } from '../features/invoices/routes/InvoicesPage';
import { AccountLedgerPage } from '../features/ledger/routes/AccountLedgerPage';
import { AccountsPage } from '../features/ledger/routes/AccountsPage';
import { JournalPage } from '../features/ledger/routes/JournalPage';
import { NewJournalEntryPage } from '../features/ledger/routes/NewJournalEntryPage';
import { ArAgingPage } from '../features/reports/routes/ArAgingPage';
import { BalanceSheetPage } from '../features/reports/routes/BalanceSheetPage';
import { CashReceivedPage } from '../features/reports/routes/CashReceivedPage';
import { ProfitAndLossPage } from '../features/reports/routes/ProfitAndLossPage';
import { TrialBalancePage } from '../features/reports/routes/TrialBalancePage';
import { DashboardRoute, ReportsLayoutRoute } from './routes/ReportsRoutes';
import { RecurringDetailPage } from '../features/recurring/routes/RecurringDetailPage';
import { EditRecurringInvoicePage, NewRecurringInvoicePage } from '../features/recurring/routes/RecurringEditorPage';
import { RecurringInvoicesPage } from '../features/recurring/routes/RecurringInvoicesPage';
import { PaymentDetailPage } from '../features/payments/routes/PaymentDetailPage';
import { PaymentsPage } from '../features/payments/routes/PaymentsPage';
import { CreditNoteDetailPage } from '../features/credit-notes/routes/CreditNoteDetailPage';
import { CreditNotesPage } from '../features/credit-notes/routes/CreditNotesPage';
import { PublicInvoicePage } from '../features/public-invoice/routes/PublicInvoicePage';
import { PublicQuotePage } from '../features/public-quote/routes/PublicQuotePage';
import { QuoteDetailPage } from '../features/quotes/routes/QuoteDetailPage';
import { EditQuotePage, NewQuotePage } from '../features/quotes/routes/QuoteEditorPage';
import { QuotesPage } from '../features/quotes/routes/QuotesPage';
import { SALES_ORDER_FILTERS, type SalesOrderFilter } from '../features/sales-orders/api/get-sales-orders';
import { SalesOrderDetailPage } from '../features/sales-orders/routes/SalesOrderDetailPage';
import { EditSalesOrderPage, NewSalesOrderPage } from '../features/sales-orders/routes/SalesOrderEditorPage';
import { SalesOrdersPage } from '../features/sales-orders/routes/SalesOrdersPage';
import { ShipmentPage } from '../features/sales-orders/routes/ShipmentPage';
import { useCurrentBusiness } from './current-business';
import {
  AuditSettingsPage,
  InventorySettingsPage,
  InvitationsSettingsPage,
  TaxesSettingsPage,
  MembersSettingsPage,
  ProfileSettingsPage,
  RemindersSettingsPage,
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

// A customer's view of an invoice: no sign-in and no app chrome.
const publicInvoiceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'i/$token',
  component: function PublicInvoiceRoute() {
    return <PublicInvoicePage token={publicInvoiceRoute.useParams().token} />;
  },
});

// A customer's view of a quote, like the invoice link.
const publicQuoteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'q/$token',
  component: function PublicQuoteRoute() {
    return <PublicQuotePage token={publicQuoteRoute.useParams().token} />;
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

const dashboardRoute = createRoute({ getParentRoute: () => businessRoute, path: 'dashboard', component: DashboardRoute });

/** What the person may do here and the base currency, which pages need; the business layout has already loaded them. */
function useBusinessContext() {
  const { businessId, business } = useCurrentBusiness();
  return { businessId, permissions: business?.permissions ?? [], baseCurrency: business?.baseCurrency ?? 'USD' };
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
  validateSearch: (search: Record<string, unknown>): { contactId?: string; status?: 'overdue' } => ({
    ...validateContactSearch(search),
    ...(search.status === 'overdue' ? { status: 'overdue' as const } : {}),
  }),
  component: function InvoicesRoute() {
    const ctx = useBusinessContext();
    const search = invoicesRoute.useSearch();
    return <InvoicesPage businessId={ctx.businessId} permissions={ctx.permissions} contactId={search.contactId} initialStatus={search.status} />;
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
    return <InvoiceDetailPage {...ctx} invoiceId={invoiceRoute.useParams().invoiceId} />;
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
const recurringRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'recurring',
  component: function RecurringRoute() {
    const ctx = useBusinessContext();
    return <RecurringInvoicesPage businessId={ctx.businessId} permissions={ctx.permissions} />;
  },
});
const newRecurringRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'recurring/new',
  validateSearch: (search: Record<string, unknown>): { fromInvoice?: string } =>
    typeof search.fromInvoice === 'string' && search.fromInvoice ? { fromInvoice: search.fromInvoice } : {},
  component: function NewRecurringRoute() {
    const ctx = useBusinessContext();
    return <NewRecurringInvoicePage {...ctx} fromInvoice={newRecurringRoute.useSearch().fromInvoice} />;
  },
});
const recurringDetailRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'recurring/$templateId',
  component: function RecurringDetailRoute() {
    const ctx = useBusinessContext();
    return <RecurringDetailPage businessId={ctx.businessId} permissions={ctx.permissions} templateId={recurringDetailRoute.useParams().templateId} />;
  },
});
const editRecurringRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'recurring/$templateId/edit',
  component: function EditRecurringRoute() {
    const ctx = useBusinessContext();
    return <EditRecurringInvoicePage {...ctx} templateId={editRecurringRoute.useParams().templateId} />;
  },
});
const quotesRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'quotes',
  component: function QuotesRoute() {
    const ctx = useBusinessContext();
    return <QuotesPage businessId={ctx.businessId} permissions={ctx.permissions} />;
  },
});
const newQuoteRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'quotes/new',
  component: function NewQuoteRoute() {
    const ctx = useBusinessContext();
    return <NewQuotePage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} />;
  },
});
const quoteRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'quotes/$quoteId',
  component: function QuoteRoute() {
    const ctx = useBusinessContext();
    return <QuoteDetailPage businessId={ctx.businessId} permissions={ctx.permissions} quoteId={quoteRoute.useParams().quoteId} />;
  },
});
const editQuoteRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'quotes/$quoteId/edit',
  component: function EditQuoteRoute() {
    const ctx = useBusinessContext();
    return <EditQuotePage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} quoteId={editQuoteRoute.useParams().quoteId} />;
  },
});
const ordersRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'orders',
  validateSearch: (search: Record<string, unknown>): { status?: SalesOrderFilter } =>
    SALES_ORDER_FILTERS.includes(search.status as SalesOrderFilter) ? { status: search.status as SalesOrderFilter } : {},
  component: function OrdersRoute() {
    const ctx = useBusinessContext();
    return <SalesOrdersPage businessId={ctx.businessId} permissions={ctx.permissions} initialStatus={ordersRoute.useSearch().status} />;
  },
});
const newOrderRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'orders/new',
  component: function NewOrderRoute() {
    const ctx = useBusinessContext();
    return <NewSalesOrderPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} />;
  },
});
const orderRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'orders/$orderId',
  component: function OrderRoute() {
    const ctx = useBusinessContext();
    return <SalesOrderDetailPage {...ctx} orderId={orderRoute.useParams().orderId} />;
  },
});
const editOrderRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'orders/$orderId/edit',
  component: function EditOrderRoute() {
    const ctx = useBusinessContext();
    return <EditSalesOrderPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} orderId={editOrderRoute.useParams().orderId} />;
  },
});
const shipmentRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'shipments/$shipmentId',
  component: function ShipmentRoute() {
    const { businessId, business } = useCurrentBusiness();
    return <ShipmentPage businessId={businessId} businessName={business?.name ?? ''} shipmentId={shipmentRoute.useParams().shipmentId} />;
  },
});
const paymentsRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'payments',
  component: function PaymentsRoute() {
    return <PaymentsPage businessId={useBusinessContext().businessId} />;
  },
});
const paymentRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'payments/$paymentId',
  component: function PaymentRoute() {
    const ctx = useBusinessContext();
    return <PaymentDetailPage businessId={ctx.businessId} permissions={ctx.permissions} paymentId={paymentRoute.useParams().paymentId} />;
  },
});
const creditNotesRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'credit-notes',
  component: function CreditNotesRoute() {
    return <CreditNotesPage businessId={useBusinessContext().businessId} />;
  },
});
const creditNoteRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'credit-notes/$creditNoteId',
  component: function CreditNoteRoute() {
    return <CreditNoteDetailPage businessId={useBusinessContext().businessId} creditNoteId={creditNoteRoute.useParams().creditNoteId} />;
  },
});
const customersRoute = createRoute({
  getParentRoute: () => salesRoute,
  path: 'customers',
  component: function CustomersRoute() {
    const ctx = useBusinessContext();
    return <CustomersPage businessId={ctx.businessId} permissions={ctx.permissions} />;
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
    return <CustomerDetailPage businessId={ctx.businessId} permissions={ctx.permissions} contactId={customerRoute.useParams().contactId} />;
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
    return <ProductsPage businessId={ctx.businessId} permissions={ctx.permissions} />;
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
const inventoryPage = <P extends string>(path: P, Page: ComponentType<{ businessId: string; permissions: Permissions }>) =>
  createRoute({
    getParentRoute: () => inventoryRoute,
    path,
    component: function InventoryPageRoute() {
      const ctx = useBusinessContext();
      return <Page businessId={ctx.businessId} permissions={ctx.permissions} />;
    },
  });
const stockRoute = inventoryPage('stock', StockLevelsPage);
const adjustStockRoute = inventoryPage('stock/adjust', AdjustStockPage);
const transferStockRoute = inventoryPage('stock/transfer', TransferStockPage);
const operationsRoute = inventoryPage('operations', OperationsPage);
const countsRoute = inventoryPage('counts', CountsPage);
const reorderRoute = inventoryPage('reorder', ReorderPage);
const valuationRoute = inventoryPage('valuation', ValuationPage);
const locationsRoute = inventoryPage('locations', LocationsPage);
const stockCardRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'products/$productId/stock',
  validateSearch: (search: Record<string, unknown>): { locationId?: string } =>
    typeof search.locationId === 'string' && search.locationId ? { locationId: search.locationId } : {},
  component: function StockCardRoute() {
    const { businessId } = useBusinessContext();
    return <StockCardPage businessId={businessId} productId={stockCardRoute.useParams().productId} locationId={stockCardRoute.useSearch().locationId ?? ''} />;
  },
});
const operationRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'operations/$operationId',
  component: function OperationRoute() {
    return <OperationDetailPage businessId={useBusinessContext().businessId} operationId={operationRoute.useParams().operationId} />;
  },
});
const countRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'counts/$countId',
  component: function CountRoute() {
    const ctx = useBusinessContext();
    return <CountDetailPage businessId={ctx.businessId} permissions={ctx.permissions} countId={countRoute.useParams().countId} />;
  },
});
const purchasesRoute = createRoute({ getParentRoute: () => businessRoute, path: 'purchases', component: PurchasesLayout });
const purchasesIndexRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/b/$businessId/purchases/orders', params });
  },
});
const purchasePage = <P extends string>(path: P, render: (ctx: ReturnType<typeof useBusinessContext>) => ReactNode) =>
  createRoute({ getParentRoute: () => purchasesRoute, path, component: () => render(useBusinessContext()) });
const purchaseOrdersRoute = purchasePage('orders', (ctx) => <PurchaseOrdersPage {...ctx} />);
const newPurchaseOrderRoute = purchasePage('orders/new', (ctx) => <NewPurchaseOrderPage {...ctx} />);
const purchaseOrderRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'orders/$purchaseOrderId',
  component: function PurchaseOrderRoute() {
    return <PurchaseOrderDetailPage {...useBusinessContext()} purchaseOrderId={purchaseOrderRoute.useParams().purchaseOrderId} />;
  },
});
const editPurchaseOrderRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'orders/$purchaseOrderId/edit',
  component: function EditPurchaseOrderRoute() {
    return <EditPurchaseOrderPage {...useBusinessContext()} purchaseOrderId={editPurchaseOrderRoute.useParams().purchaseOrderId} />;
  },
});
const billsRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'bills',
  validateSearch: (search: Record<string, unknown>): { status?: 'overdue' | 'unpaid' } =>
    search.status === 'overdue' || search.status === 'unpaid' ? { status: search.status } : {},
  component: function BillsRoute() {
    return <BillsPage {...useBusinessContext()} initialStatus={billsRoute.useSearch().status} />;
  },
});
const newBillRoute = purchasePage('bills/new', (ctx) => <NewBillPage {...ctx} />);
const billRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'bills/$billId',
  component: function BillRoute() {
    return <BillDetailPage {...useBusinessContext()} billId={billRoute.useParams().billId} />;
  },
});
const editBillRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'bills/$billId/edit',
  component: function EditBillRoute() {
    return <EditBillPage {...useBusinessContext()} billId={editBillRoute.useParams().billId} />;
  },
});
const billPaymentsRoute = purchasePage('payments', (ctx) => <BillPaymentsPage {...ctx} />);
const newBillPaymentRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'payments/new',
  validateSearch: (search: Record<string, unknown>): { contactId?: string; documentId?: string } => ({
    ...(typeof search.contactId === 'string' && search.contactId ? { contactId: search.contactId } : {}),
    ...(typeof search.documentId === 'string' && search.documentId ? { documentId: search.documentId } : {}),
  }),
  component: function NewBillPaymentRoute() {
    return <NewBillPaymentPage {...useBusinessContext()} {...newBillPaymentRoute.useSearch()} />;
  },
});
const billPaymentRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'payments/$billPaymentId',
  component: function BillPaymentRoute() {
    return <BillPaymentDetailPage {...useBusinessContext()} billPaymentId={billPaymentRoute.useParams().billPaymentId} />;
  },
});
const expensesRoute = purchasePage('expenses', (ctx) => <ExpensesPage {...ctx} />);
const newExpenseRoute = purchasePage('expenses/new', (ctx) => <NewExpensePage {...ctx} />);
const expenseRoute = createRoute({
  getParentRoute: () => purchasesRoute,
  path: 'expenses/$expenseId',
  component: function ExpenseRoute() {
    return <ExpenseDetailPage {...useBusinessContext()} expenseId={expenseRoute.useParams().expenseId} />;
  },
});
const suppliersRoute = purchasePage('suppliers', (ctx) => <SuppliersPage {...ctx} />);
const newSupplierRoute = purchasePage('suppliers/new', (ctx) => <NewSupplierPage {...ctx} />);
const reportsRoute = createRoute({ getParentRoute: () => businessRoute, path: 'reports', component: ReportsLayoutRoute });
const reportsIndexRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/b/$businessId/reports/profit-and-loss', params });
  },
});
const reportPage = <P extends string>(path: P, Page: ComponentType<{ businessId: string }>) =>
  createRoute({
    getParentRoute: () => reportsRoute,
    path,
    component: function ReportRoute() {
      return <Page businessId={useBusinessContext().businessId} />;
    },
  });
const profitAndLossRoute = reportPage('profit-and-loss', ProfitAndLossPage);
const balanceSheetRoute = reportPage('balance-sheet', BalanceSheetPage);
const trialBalanceRoute = reportPage('trial-balance', TrialBalancePage);
const arAgingRoute = reportPage('ar-aging', ArAgingPage);
const cashReceivedRoute = reportPage('cash-received', CashReceivedPage);
const apAgingRoute = reportPage('ap-aging', ApAgingPage);
const accountsRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: 'accounts',
  component: function AccountsRoute() {
    const ctx = useBusinessContext();
    return <AccountsPage businessId={ctx.businessId} permissions={ctx.permissions} />;
  },
});
const accountLedgerRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: 'accounts/$accountId',
  component: function AccountLedgerRoute() {
    return <AccountLedgerPage businessId={useBusinessContext().businessId} accountId={accountLedgerRoute.useParams().accountId} />;
  },
});
const journalRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: 'journal',
  component: function JournalRoute() {
    const ctx = useBusinessContext();
    return <JournalPage businessId={ctx.businessId} permissions={ctx.permissions} />;
  },
});
const newJournalEntryRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: 'journal/new',
  component: function NewJournalEntryRoute() {
    const ctx = useBusinessContext();
    return <NewJournalEntryPage businessId={ctx.businessId} baseCurrency={ctx.baseCurrency} />;
  },
});
const financingRoute = createRoute({ getParentRoute: () => businessRoute, path: 'financing', component: FinancingLayout });
const financingIndexRoute = createRoute({
  getParentRoute: () => financingRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/b/$businessId/financing/credit', params });
  },
});
const creditProfileRoute = createRoute({
  getParentRoute: () => financingRoute,
  path: 'credit',
  component: function CreditProfileRoute() {
    const ctx = useBusinessContext();
    return <CreditProfilePage businessId={ctx.businessId} permissions={ctx.permissions} />;
  },
});
const LOG_SCOPES = ['profile', 'statements', 'aggregates', 'raw_documents'] as const;
const sharingRoute = createRoute({
  getParentRoute: () => financingRoute,
  path: 'sharing',
  // `log` opens the access log filtered to one scope (the credit profile links to its reads).
  validateSearch: (search: Record<string, unknown>): { granted?: string; log?: (typeof LOG_SCOPES)[number] } => ({
    ...(typeof search.granted === 'string' && search.granted ? { granted: search.granted } : {}),
    ...(LOG_SCOPES.includes(search.log as (typeof LOG_SCOPES)[number]) ? { log: search.log as (typeof LOG_SCOPES)[number] } : {}),
  }),
  component: function SharingRoute() {
    const ctx = useBusinessContext();
    const search = sharingRoute.useSearch();
    return <SharingPage businessId={ctx.businessId} permissions={ctx.permissions} granted={search.granted} logScope={search.log} />;
  },
});
const grantWizardRoute = createRoute({
  getParentRoute: () => financingRoute,
  path: 'sharing/new',
  validateSearch: (search: Record<string, unknown>): { from?: string } =>
    typeof search.from === 'string' && search.from ? { from: search.from } : {},
  component: function GrantWizardRoute() {
    const ctx = useBusinessContext();
    return <GrantWizardPage {...ctx} from={grantWizardRoute.useSearch().from} />;
  },
});

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
const settingsRemindersRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'reminders', component: RemindersSettingsPage });
const settingsInventoryRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'inventory', component: InventorySettingsPage });

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signUpRoute,
  invitationRoute,
  publicInvoiceRoute,
  publicQuoteRoute,
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
        recurringRoute,
        newRecurringRoute,
        recurringDetailRoute,
        editRecurringRoute,
        quotesRoute,
        newQuoteRoute,
        quoteRoute,
        editQuoteRoute,
        ordersRoute,
        newOrderRoute,
        orderRoute,
        editOrderRoute,
        shipmentRoute,
        paymentsRoute,
        paymentRoute,
        creditNotesRoute,
        creditNoteRoute,
        customersRoute,
        newCustomerRoute,
        customerRoute,
        editCustomerRoute,
      ]),
      inventoryRoute.addChildren([
        productsRoute,
        newProductRoute,
        productRoute,
        stockCardRoute,
        stockRoute,
        adjustStockRoute,
        transferStockRoute,
        operationsRoute,
        operationRoute,
        countsRoute,
        countRoute,
        reorderRoute,
        valuationRoute,
        locationsRoute,
      ]),
      purchasesRoute.addChildren([
        purchasesIndexRoute,
        purchaseOrdersRoute,
        newPurchaseOrderRoute,
        purchaseOrderRoute,
        editPurchaseOrderRoute,
        billsRoute,
        newBillRoute,
        billRoute,
        editBillRoute,
        billPaymentsRoute,
        newBillPaymentRoute,
        billPaymentRoute,
        expensesRoute,
        newExpenseRoute,
        expenseRoute,
        suppliersRoute,
        newSupplierRoute,
      ]),
      reportsRoute.addChildren([
        reportsIndexRoute,
        profitAndLossRoute,
        balanceSheetRoute,
        trialBalanceRoute,
        arAgingRoute,
        cashReceivedRoute,
        apAgingRoute,
        accountsRoute,
        accountLedgerRoute,
        journalRoute,
        newJournalEntryRoute,
      ]),
      financingRoute.addChildren([financingIndexRoute, creditProfileRoute, sharingRoute, grantWizardRoute]),
      settingsRoute.addChildren([
        settingsProfileRoute,
        settingsMembersRoute,
        settingsTaxesRoute,
        settingsRemindersRoute,
        settingsInventoryRoute,
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
