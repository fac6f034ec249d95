// Entry of the one bench page: `?page=fi` loads the app's benchmark steps, `?page=pouch` the
// PouchDB anchor's; each, once loaded, sets the page title to "<name>-bench ready".
const pages = {
  fi: { lang: 'zh-CN', load: () => import('./fi-bench') },
  pouch: { lang: 'en', load: () => import('./pouch-bench') },
};

const requested = new URLSearchParams(location.search).get('page');
const page = requested === 'fi' || requested === 'pouch' ? pages[requested] : undefined;
if (!page) throw new Error(`no bench page "${requested ?? ''}": use ?page=fi or ?page=pouch`);
document.documentElement.lang = page.lang;
void page.load();
