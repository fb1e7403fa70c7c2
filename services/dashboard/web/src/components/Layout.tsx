import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';

export function Layout() {
  const { t, i18n } = useTranslation();
  const { principal, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.title')}
        </Link>
        {principal && (
          <nav aria-label="main" className="main-nav">
            <NavLink to={`/area/${principal.areaId}`} end>
              {t('nav.overview')}
            </NavLink>
            <NavLink to={`/compliance/${principal.areaId}`}>{t('nav.compliance')}</NavLink>
          </nav>
        )}
        <div className="top-actions">
          {principal && (
            <span className="who">
              {t('app.signedInAs', { role: t(`roles.${principal.roles[0]}`), area: principal.areaId })}
            </span>
          )}
          <button
            type="button"
            lang={i18n.language === 'hi' ? 'en' : 'hi'}
            aria-label={t('app.languageLabel')}
            onClick={() => void i18n.changeLanguage(i18n.language === 'hi' ? 'en' : 'hi')}
            data-testid="language"
          >
            {t('app.language')}
          </button>
          {principal && (
            <button type="button" onClick={signOut}>
              {t('app.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
