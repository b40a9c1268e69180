import React from 'react';
import { createRoot } from 'react-dom/client';
import '@patternfly/react-core/dist/styles/base.css';
import './console.css';
import { signIn } from './auth';
import { initialLocale } from './i18n';
import { watchFirstAction } from './focus';
import { App } from './App';

const locale = initialLocale();
document.documentElement.lang = locale;
watchFirstAction();
signIn(locale).then((auth) => {
  createRoot(document.getElementById('root')).render(<App auth={auth} initialLocale={locale} />);
});
