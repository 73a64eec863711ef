/** The one user of the local lake: an administrator, so the Studio offers every action. */
export const LOCAL_USER = {
  id: 'pLocalUser',
  name: 'Local Editor',
  email: 'editor@localhost',
  profileImage: null,
  provider: 'local',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator', description: 'Full access'}],
}

/** Grants on every document, as a project administrator has them. */
export const LOCAL_GRANTS = [
  {filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history']},
]

/**
 * The project as `/projects/<id>` describes it.
 *
 * @param projectId - the id the client asked for
 * @returns a minimal project with the local user as its only member
 */
export function localProject(projectId: string) {
  return {
    id: projectId,
    displayName: 'Local Content Lake',
    organizationId: null,
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    metadata: {},
    members: [
      {
        id: LOCAL_USER.id,
        role: 'administrator',
        roles: LOCAL_USER.roles,
        isCurrentUser: true,
        isRobot: false,
      },
    ],
    features: [],
  }
}
