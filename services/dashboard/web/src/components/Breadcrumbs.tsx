import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';
import { useApi } from '../data';
import { useFormat } from '../format';
import type { KnownArea } from '../types';

/** The path from the caller's own area down to this one; each step links back up the tree. */
export function Breadcrumbs({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const { principal } = useSession();
  const from = principal ? area.ancestors.indexOf(principal.areaId) : -1;
  const steps = from >= 0 ? area.ancestors.slice(from) : [];
  return (
    <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
      <ol>
        {steps.map((id) => (
          <Crumb key={id} id={id} />
        ))}
        <li aria-current="page">{useFormat().name(area)}</li>
      </ol>
    </nav>
  );
}

function Crumb({ id }: { id: string }) {
  const { data } = useApi<KnownArea>(`/api/analytics/areas/${encodeURIComponent(id)}`);
  const f = useFormat();
  return (
    <li>
      <Link to={`/area/${id}`}>{data ? f.name(data) : id}</Link>
    </li>
  );
}
