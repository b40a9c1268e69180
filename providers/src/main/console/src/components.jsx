import React, { useEffect, useRef } from 'react';
import {
  Alert, Checkbox, FormGroup, FormHelperText, HelperText, HelperTextItem, PageSection, Text, TextContent,
  TextInput, TextArea, Title, Pagination,
} from '@patternfly/react-core';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { useI18n } from './i18n';
import { profilesByModule } from './session';

/** The screen's heading; it takes the focus when the screen opens, so a screen reader announces it. */
export function PageTitle({ title, intro, children }) {
  const heading = useRef(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <PageSection variant="light">
      <TextContent>
        <Title headingLevel="h1" tabIndex={-1} ref={heading} id="lampss-page-title">{title}</Title>
        {intro && <Text component="p">{intro}</Text>}
      </TextContent>
      {children}
    </PageSection>
  );
}

/** A refusal not about one field, shown above the form. */
export function ErrorAlert({ error }) {
  const { t } = useI18n();
  if (!error || error.field) {
    return null;
  }
  return <Alert variant="danger" isInline title={t('errorTitle')} id="lampss-error" role="alert">{error.message}</Alert>;
}

/** A text field with its label, and the server's message for it right below, in the person's language. */
export function Field({ id, label, value, onChange, error, isRequired, type = 'text', multiline, help, isDisabled }) {
  const fieldError = error && error.field === id ? error.message : null;
  const helpId = `${id}-help`;
  const Input = multiline ? TextArea : TextInput;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <Input id={id} name={id} type={multiline ? undefined : type} value={value ?? ''}
        onChange={(_, next) => onChange(next)} isRequired={isRequired} isDisabled={isDisabled}
        validated={fieldError ? 'error' : 'default'}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError || help ? helpId : undefined} />
      {(fieldError || help) && (
        <FormHelperText>
          <HelperText id={helpId} aria-live="polite">
            {fieldError
              ? <HelperTextItem variant="error" icon={<ExclamationCircleIcon />} id={`${id}-error`}>{fieldError}</HelperTextItem>
              : <HelperTextItem>{help}</HelperTextItem>}
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}

/**
 * The profiles of the organization's modules, grouped by module; only those in {@code grantable}
 * can be changed (the server checks each one again).
 */
export function ProfilePicker({ profiles, modules, selected, onChange, grantable, error, disabledAll, field = 'profiles' }) {
  const { t, locale } = useI18n();
  const fieldError = error && error.field === field ? error.message : null;
  const toggle = (name, checked) => onChange(checked ? [...selected, name] : selected.filter((n) => n !== name));
  return (
    <>
      {profilesByModule(profiles, modules).map(({ module, profiles: ofModule }) => (
        <FormGroup key={module} role="group" isStack label={t(`module_${module}`)} fieldId={`${field}-${module}`}>
          {ofModule.map((profile) => {
            const canChange = !disabledAll && grantable.has(profile.name);
            return (
              <Checkbox key={profile.name} id={field === 'profiles' ? `profile-${profile.name}` : `${field}-${profile.name}`} name={field}
                label={profile.label[locale] || profile.label.en}
                description={canChange ? undefined : t('notGrantable')}
                isChecked={selected.includes(profile.name)} isDisabled={!canChange}
                onChange={(_, checked) => toggle(profile.name, checked)} />
            );
          })}
        </FormGroup>
      ))}
      {fieldError && (
        <HelperText id={`${field}-error`} aria-live="polite">
          <HelperTextItem variant="error" icon={<ExclamationCircleIcon />}>{fieldError}</HelperTextItem>
        </HelperText>
      )}
    </>
  );
}

/** PatternFly's pagination with its labels in the person's language. */
export function Paging({ total, first, max, onChange, id }) {
  const { t } = useI18n();
  return (
    <Pagination id={id} widgetId={id} itemCount={total} perPage={max} page={Math.floor(first / max) + 1}
      onSetPage={(_, page) => onChange((page - 1) * max, max)}
      onPerPageSelect={(_, perPage) => onChange(0, perPage)}
      perPageOptions={[{ title: '10', value: 10 }, { title: '20', value: 20 }, { title: '50', value: 50 }, { title: '100', value: 100 }]}
      titles={{
        items: t('paginationItems'), page: t('paginationPage'), itemsPerPage: t('paginationPerPage'),
        perPageSuffix: t('paginationPerPageSuffix'), toFirstPageAriaLabel: t('paginationFirst'),
        toPreviousPageAriaLabel: t('paginationPrevious'), toNextPageAriaLabel: t('paginationNext'),
        toLastPageAriaLabel: t('paginationLast'), currPageAriaLabel: t('paginationCurrent'),
        paginationAriaLabel: t('paginationLabel'), ofWord: t('paginationOf'),
      }} />
  );
}
