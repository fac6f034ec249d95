// The screens behind the sign-in, each loaded on first visit so the first paint stays small.
import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from '../../../domain/schemas/user';

export type SectionKey =
  | 'enterprises'
  | 'inspections'
  | 'findings'
  | 'deadlines'
  | 'review'
  | 'worklist'
  | 'dashboard'
  | 'conflicts'
  | 'register'
  | 'cases'
  | 'plans'
  | 'targetList'
  | 'officerList'
  | 'officerConflicts'
  | 'sync'
  | 'settings'
  | 'adminDirectory'
  | 'adminUsers'
  | 'adminDevices'
  | 'adminAudit'
  | 'adminTemplates'
  | 'adminEnterprises'
  | 'adminGb18218'
  | 'myTasks'
  | 'planProgress';

export interface Section {
  key: SectionKey;
  path: string;
  screen: LazyExoticComponent<ComponentType>;
  /** Who sees it; everyone if absent. The server refuses the others whatever the menu shows. */
  roles?: readonly Role[];
  /** The menu label's i18n key; `nav.<key>` if absent. */
  label?: string;
}

/** The sections `role` sees, in menu order. */
export const sectionsFor = (role: Role): readonly Section[] =>
  sections.filter((s) => s.roles === undefined || s.roles.includes(role));

export const sections: readonly Section[] = [
  {
    key: 'enterprises',
    path: '/enterprises',
    screen: lazy(() =>
      import('../features/enterprises/EnterpriseList').then((m) => ({ default: m.EnterpriseList })),
    ),
  },
  {
    key: 'myTasks',
    path: '/tasks',
    label: 'myTasks.menu',
    screen: lazy(() =>
      import('../features/tasks/MyTasksScreen').then((m) => ({ default: m.MyTasksScreen })),
    ),
  },
  {
    key: 'inspections',
    path: '/inspections',
    screen: lazy(() =>
      import('../features/inspections/InspectionList').then((m) => ({ default: m.InspectionList })),
    ),
  },
  {
    key: 'findings',
    path: '/findings',
    screen: lazy(() =>
      import('../features/findings/FindingList').then((m) => ({ default: m.FindingList })),
    ),
  },
  {
    key: 'deadlines',
    path: '/deadlines',
    screen: lazy(() =>
      import('../features/deadlines/DeadlineBoard').then((m) => ({ default: m.DeadlineBoard })),
    ),
  },
  {
    key: 'review',
    path: '/review',
    screen: lazy(() =>
      import('../features/review/ReviewQueue').then((m) => ({ default: m.ReviewQueue })),
    ),
  },
  {
    key: 'worklist',
    path: '/worklist',
    screen: lazy(() =>
      import('../features/worklist/WorklistScreen').then((m) => ({ default: m.WorklistScreen })),
    ),
  },
  {
    key: 'dashboard',
    path: '/dashboard',
    screen: lazy(() =>
      import('../features/dashboard/DashboardScreen').then((m) => ({
        default: m.DashboardScreen,
      })),
    ),
  },
  {
    key: 'planProgress',
    path: '/plan-progress',
    roles: ['supervisor'],
    label: 'planProgress.menu',
    screen: lazy(() =>
      import('../features/plan-progress/PlanProgressScreen').then((m) => ({
        default: m.PlanProgressScreen,
      })),
    ),
  },
  {
    key: 'conflicts',
    path: '/conflicts',
    screen: lazy(() =>
      import('../features/conflicts/ConflictsScreen').then((m) => ({
        default: m.ConflictsScreen,
      })),
    ),
  },
  {
    key: 'register',
    path: '/register',
    screen: lazy(() =>
      import('../features/register/RegisterScreen').then((m) => ({ default: m.RegisterScreen })),
    ),
  },
  {
    key: 'cases',
    path: '/cases',
    screen: lazy(() =>
      import('../features/cases/CasesScreen').then((m) => ({ default: m.CasesScreen })),
    ),
  },
  {
    key: 'plans',
    path: '/plans',
    roles: ['supervisor', 'admin'],
    label: 'plans.menu',
    screen: lazy(() =>
      import('../features/plans/PlansScreen').then((m) => ({ default: m.PlansScreen })),
    ),
  },
  {
    key: 'targetList',
    path: '/lists/targets',
    roles: ['supervisor', 'inspector'],
    screen: lazy(() =>
      import('../features/lists/TargetListScreen').then((m) => ({
        default: m.TargetListScreen,
      })),
    ),
  },
  {
    key: 'officerList',
    path: '/lists/officers',
    screen: lazy(() =>
      import('../features/lists/OfficerListScreen').then((m) => ({
        default: m.OfficerListScreen,
      })),
    ),
  },
  {
    key: 'officerConflicts',
    path: '/lists/conflicts',
    roles: ['supervisor', 'inspector'],
    screen: lazy(() =>
      import('../features/lists/ConflictDeclarationsScreen').then((m) => ({
        default: m.ConflictDeclarationsScreen,
      })),
    ),
  },
  {
    key: 'adminDirectory',
    path: '/admin/directory',
    roles: ['admin'],
    screen: lazy(() =>
      import('../features/administration/directory/DirectoryScreen').then((m) => ({
        default: m.DirectoryScreen,
      })),
    ),
  },
  {
    key: 'adminUsers',
    path: '/admin/users',
    roles: ['admin'],
    screen: lazy(() =>
      import('../features/administration/users/UsersScreen').then((m) => ({
        default: m.UsersScreen,
      })),
    ),
  },
  {
    key: 'adminDevices',
    path: '/admin/devices',
    roles: ['admin'],
    screen: lazy(() =>
      import('../features/administration/devices/DevicesScreen').then((m) => ({
        default: m.DevicesScreen,
      })),
    ),
  },
  {
    key: 'adminAudit',
    path: '/admin/audit',
    roles: ['admin'],
    screen: lazy(() =>
      import('../features/administration/audit/AuditScreen').then((m) => ({
        default: m.AuditScreen,
      })),
    ),
  },
  {
    key: 'sync',
    path: '/sync',
    screen: lazy(() =>
      import('../features/sync/SyncScreen').then((m) => ({ default: m.SyncScreen })),
    ),
  },
  {
    key: 'settings',
    path: '/settings',
    screen: lazy(() =>
      import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
    ),
  },
  {
    key: 'adminTemplates',
    path: '/admin/templates',
    roles: ['admin'],
    label: 'adminTemplates.menu',
    screen: lazy(() =>
      import('../features/administration/templates/TemplatesScreen').then((m) => ({
        default: m.TemplatesScreen,
      })),
    ),
  },
  {
    key: 'adminEnterprises',
    path: '/admin/enterprises',
    roles: ['admin'],
    label: 'adminEnterprises.menu',
    screen: lazy(() =>
      import('../features/administration/enterprises/AdminEnterprisesScreen').then((m) => ({
        default: m.AdminEnterprisesScreen,
      })),
    ),
  },
  {
    key: 'adminGb18218',
    path: '/admin/gb18218',
    roles: ['admin'],
    label: 'adminGb18218.menu',
    screen: lazy(() =>
      import('../features/administration/gb18218/Gb18218TableScreen').then((m) => ({
        default: m.Gb18218TableScreen,
      })),
    ),
  },
];

/** Screens reached from another screen, not from the menu. */
export interface Page {
  path: string;
  screen: LazyExoticComponent<ComponentType>;
}

export const pages: readonly Page[] = [
  {
    path: '/plans/:id/draws',
    screen: lazy(() =>
      import('../features/plans/PlanDrawsScreen').then((m) => ({ default: m.PlanDrawsScreen })),
    ),
  },
  {
    path: '/enterprises/:id',
    screen: lazy(() =>
      import('../features/enterprises/EnterpriseDetail').then((m) => ({
        default: m.EnterpriseDetail,
      })),
    ),
  },
  {
    path: '/enterprises/:id/inspect',
    screen: lazy(() =>
      import('../features/inspections/StartInspection').then((m) => ({
        default: m.StartInspection,
      })),
    ),
  },
  {
    path: '/inspections/:id',
    screen: lazy(() =>
      import('../features/inspections/InspectionChecklist').then((m) => ({
        default: m.InspectionChecklist,
      })),
    ),
  },
  {
    path: '/review/:id',
    screen: lazy(() =>
      import('../features/review/ReviewDetail').then((m) => ({ default: m.ReviewDetail })),
    ),
  },
  {
    path: '/admin/templates/drafts/:id',
    screen: lazy(() =>
      import('../features/administration/templates/TemplateEditorScreen').then((m) => ({
        default: m.TemplateEditorScreen,
      })),
    ),
  },
  {
    path: '/admin/enterprises/import',
    screen: lazy(() =>
      import('../features/administration/enterprises/EnterpriseImportScreen').then((m) => ({
        default: m.EnterpriseImportScreen,
      })),
    ),
  },
];
