import React, { createContext, useContext, useEffect, useRef } from 'react';
import {
  Alert, Checkbox, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, PageSection,
  Text, TextContent, TextInput, TextArea, Pagination,
} from '@patternfly/react-core';
import { Caption, Table } from '@patternfly/react-table';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { useI18n } from './i18n';
import { moduleLabel, profilesByModule, useSession } from './session';
import { focusNewScreen } from './focus';

/**
 * The screen's heading; it takes the focus when the screen opens, so a screen reader announces it.
 * A plain h1 with PatternFly's title classes: PatternFly's Title passes no ref, so it cannot be focused.
 */
export function PageTitle({ title, intro, children }) {
  const heading = useRef(null);
  const { locale } = useI18n();
  useEffect(() => focusNewScreen(heading.current, locale), [title, locale]);
  return (
    <PageSection variant="light">
      <TextContent>
        <h1 className="pf-v5-c-title pf-m-2xl" tabIndex={-1} ref={heading} id="lampss-page-title">{title}</h1>
        {intro && <Text component="p">{intro}</Text>}
      </TextContent>
      {children}
    </PageSection>
  );
}

/** The page's status region announces what is passed to this (see Layout). */
export const StatusContext = createContext(() => {});

/**
 * A success message, shown in place and read out by screen readers (4.1.3): its text also goes to
 * the page's status region, which exists before any message, so that screen readers notice it.
 */
export function StatusAlert({ id, title, message, headingLevel = 'h4' }) {
  const announce = useContext(StatusContext);
  useEffect(() => announce(message ? `${title} ${message}` : title), [announce, title, message]);
  return (
    <Alert variant="success" isInline title={title} id={id} component={headingLevel}>
      {message && <Text component="p">{message}</Text>}
    </Alert>
  );
}

/**
 * The required fields left empty, each with its message, in the form's order (3.3.1: every error at
 * once, where the server names only the first); null when none is.
 * @param fields [id, label] pairs in the order the form shows them
 */
export function missingFields(values, fields, t) {
  const missing = fields.filter(([id]) => !String(values[id] ?? '').trim());
  if (missing.length === 0) {
    return null;
  }
  return { fields: Object.fromEntries(missing.map(([id, label]) => [id, t('fieldRequired', { field: label })])) };
}

/** A refusal not about one field, shown above the form. */
export function ErrorAlert({ error }) {
  const { t } = useI18n();
  if (!error || error.field || error.fields) {
    return null;
  }
  return <Alert variant="danger" isInline title={t('errorTitle')} id="lampss-error" role="alert">{error.message}</Alert>;
}

/** A text field with its label, and the server's message for it right below, in the person's language. */
export function Field({ id, label, value, onChange, error, isRequired, type = 'text', multiline, help, isDisabled }) {
  const fieldError = error?.fields?.[id] ?? (error?.field === id ? error.message : null);
  const helpId = `${id}-help`;
  const Input = multiline ? TextArea : TextInput;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <Input id={id} name={id} type={multiline ? undefined : type} value={value ?? ''}
        onChange={(_, next) => onChange(next)} isRequired={isRequired} isDisabled={isDisabled}
        validated={fieldError ? 'error' : 'default'}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError || help ? helpId : undefined} />
      <FieldMessage id={id} helpId={helpId} fieldError={fieldError} help={help} />
    </FormGroup>
  );
}

/** A field's message right below it: its error, or else its help, announced as it changes. */
function FieldMessage({ id, helpId, fieldError, help }) {
  if (!fieldError && !help) {
    return null;
  }
  return (
    <FormHelperText>
      <HelperText id={helpId} aria-live="polite">
        {fieldError
          ? <HelperTextItem variant="error" icon={<ExclamationCircleIcon />} id={`${id}-error`}>{fieldError}</HelperTextItem>
          : <HelperTextItem>{help}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
}

/**
 * A choice among options (a native select), with its label and the message for it right below, as
 * {@link Field} has them; {@code placeholder} is the empty first option ("choose…").
 * @param options [{value, label}]
 */
export function SelectField({ id, label, value, onChange, options, placeholder, error, isRequired, help, isDisabled }) {
  const fieldError = error?.fields?.[id] ?? (error?.field === id ? error.message : null);
  const helpId = `${id}-help`;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <FormSelect id={id} name={id} value={value ?? ''} onChange={(_, next) => onChange(next)} isRequired={isRequired}
        isDisabled={isDisabled} validated={fieldError ? 'error' : 'default'} aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError || help ? helpId : undefined}>
        {placeholder !== undefined && <FormSelectOption value="" label={placeholder} />}
        {options.map((option) => <FormSelectOption key={option.value} value={option.value} label={option.label} />)}
      </FormSelect>
      <FieldMessage id={id} helpId={helpId} fieldError={fieldError} help={help} />
    </FormGroup>
  );
}

/**
 * A list's filter by state: "All" or one of {@code states}, each named by {@code stateLabel}; a
 * change goes back to the list's first page (see usePagedList's firstPage).
 */
export function StateFilter({ id, value, onChange, states, stateLabel }) {
  const { t } = useI18n();
  return (
    <SelectField id={id} label={t('filterState')} value={value} onChange={onChange} placeholder={t('filterAll')}
      options={states.map((state) => ({ value: state, label: stateLabel(state) }))} />
  );
}

/**
 * The profiles of the organization's modules, grouped by module; only those in {@code grantable}
 * can be changed (the server checks each one again).
 */
export function ProfilePicker({ profiles, modules, selected, onChange, grantable, error, disabledAll, field = 'profiles' }) {
  const { t, locale } = useI18n();
  const { modules: allModules } = useSession();
  const fieldError = error && error.field === field ? error.message : null;
  const toggle = (name, checked) => onChange(checked ? [...selected, name] : selected.filter((n) => n !== name));
  return (
    <>
      {profilesByModule(profiles, allModules, modules).map(({ module, profiles: ofModule }) => (
        <FormGroup key={module.code} role="group" isStack label={moduleLabel(allModules, module.code, locale)} fieldId={`${field}-${module.code}`}>
          {ofModule.map((profile) => {
            const canChange = !disabledAll && grantable.has(profile.name);
            return (
              <DescribedCheckbox key={profile.name} id={field === 'profiles' ? `profile-${profile.name}` : `${field}-${profile.name}`} name={field}
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

/** A checkbox whose description is read with it: PatternFly shows the description but does not tie it. */
export function DescribedCheckbox({ id, description, ...props }) {
  const descriptionId = `${id}-description`;
  return (
    <Checkbox id={id} {...props} aria-describedby={description ? descriptionId : undefined}
      description={description && <span id={descriptionId}>{description}</span>} />
  );
}

/**
 * A plain table: PatternFly's default role="grid" promises arrow-key navigation it does not have.
 * When its columns do not fit (large text, navigation open) it scrolls sideways in its own box,
 * which takes the focus so that the keyboard scrolls it too. A {@code caption}, when given, is shown
 * above the rows and names the table in place of {@code label}.
 */
export function DataTable({ id, label, caption, children }) {
  return (
    <div className="lampss-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <Table role="table" aria-label={caption ? undefined : label} variant="compact" id={id}>
        {caption && <Caption>{caption}</Caption>}
        {children}
      </Table>
    </div>
  );
}

/** The button that takes over when the focused one gets disabled by the move (e.g. "next" on the last page). */
const COUNTERPART = { next: 'previous', last: 'first', previous: 'next', first: 'last' };

/**
 * PatternFly's pagination with its labels in the person's language, every control shown at every
 * width (PatternFly hides them below 768 px, expecting a second pagination below the list).
 * {@code label} names the list, where a screen has two paginations (landmarks with unique names).
 */
export function Paging({ total, first, max, onChange, id, label }) {
  const { t } = useI18n();
  const box = useRef(null);
  const pressed = useRef(null);
  useEffect(() => {
    const focused = document.activeElement;
    if (pressed.current && (focused === document.body || focused?.disabled)) {
      box.current.querySelector(`button[data-action='${COUNTERPART[pressed.current]}']`)?.focus();
    }
    pressed.current = null;
  }, [first, max]);
  return (
    <div ref={box}>
      <Pagination id={id} widgetId={id} className="lampss-paging" itemCount={total} perPage={max} page={Math.floor(first / max) + 1}
        onSetPage={(event, page) => {
          pressed.current = event?.currentTarget?.dataset?.action ?? null;
          onChange((page - 1) * max, max);
        }}
        onPerPageSelect={(_, perPage) => onChange(0, perPage)}
        perPageOptions={[{ title: '10', value: 10 }, { title: '20', value: 20 }, { title: '50', value: 50 }, { title: '100', value: 100 }]}
        titles={{
          items: t('paginationItems'), page: t('paginationPage'), itemsPerPage: t('paginationPerPage'),
          perPageSuffix: t('paginationPerPageSuffix'), toFirstPageAriaLabel: t('paginationFirst'),
          toPreviousPageAriaLabel: t('paginationPrevious'), toNextPageAriaLabel: t('paginationNext'),
          toLastPageAriaLabel: t('paginationLast'), currPageAriaLabel: t('paginationCurrent'),
          paginationAriaLabel: label ? `${t('paginationLabel')} – ${label}` : t('paginationLabel'), ofWord: t('paginationOf'),
        }} />
    </div>
  );
}
