import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ContactForm } from '../components/ContactForm';
import { useContact } from '../api/get-contact';
import { useCreateContact } from '../api/create-contact';
import { useUpdateContact } from '../api/update-contact';

export function NewCustomerPage({ businessId, baseCurrency }: { businessId: string; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('customers.new'));
  const navigate = useNavigate();
  const create = useCreateContact(businessId);
  const toList = () => void navigate({ to: '/b/$businessId/sales/customers', params: { businessId } });
  return (
    <div className="subpage" data-testid="page-new-customer">
      <BackLink businessId={businessId} />
      <h2 className="subpage-title">{t('customers.new')}</h2>
      <ContactForm
        baseCurrency={baseCurrency}
        pending={create.isPending}
        error={create.error}
        onCancel={toList}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (contact) =>
              void navigate({ to: '/b/$businessId/sales/customers/$contactId', params: { businessId, contactId: contact.id } }),
          })
        }
      />
    </div>
  );
}

export function EditCustomerPage({ businessId, contactId, baseCurrency }: { businessId: string; contactId: string; baseCurrency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contact = useContact(businessId, contactId);
  const update = useUpdateContact(businessId);
  useDocumentTitle(contact.data?.name);
  const toDetail = () => void navigate({ to: '/b/$businessId/sales/customers/$contactId', params: { businessId, contactId } });
  if (contact.isPending) return <PageSpinner />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} retrying={contact.isFetching} />;
  return (
    <div className="subpage" data-testid="page-edit-customer">
      <BackLink businessId={businessId} />
      <h2 className="subpage-title">{t('customers.editTitle', { name: contact.data.name })}</h2>
      <ContactForm
        contact={contact.data}
        baseCurrency={baseCurrency}
        pending={update.isPending}
        error={update.error}
        onCancel={toDetail}
        onSubmit={(body) => update.mutate({ contactId, body }, { onSuccess: toDetail })}
      />
    </div>
  );
}

function BackLink({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  return (
    <Link className="back-link" to="/b/$businessId/sales/customers" params={{ businessId }}>
      ← {t('customers.back')}
    </Link>
  );
}
