// Package cognito is cogwiz's only door to the AWS SDK's Cognito user pool
// service: a narrow interface that *cognitoidentityprovider.Client
// satisfies, the client constructor (credential chain, profile, region,
// endpoint, retries), and the mapping between the config model and the
// SDK's types (expand: model → SDK, flatten: SDK → model).
package cognito

import (
	"context"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// API is the subset of the Cognito user pool API that cogwiz calls. The
// method signatures are the SDK's own, so the real client, a recording
// fake and cognito-local all fit.
type API interface {
	CreateUserPool(ctx context.Context, params *cip.CreateUserPoolInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolOutput, error)
	DescribeUserPool(ctx context.Context, params *cip.DescribeUserPoolInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error)
	UpdateUserPool(ctx context.Context, params *cip.UpdateUserPoolInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolOutput, error)
	DeleteUserPool(ctx context.Context, params *cip.DeleteUserPoolInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolOutput, error)
	ListUserPools(ctx context.Context, params *cip.ListUserPoolsInput, optFns ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error)
	GetUserPoolMfaConfig(ctx context.Context, params *cip.GetUserPoolMfaConfigInput, optFns ...func(*cip.Options)) (*cip.GetUserPoolMfaConfigOutput, error)
	SetUserPoolMfaConfig(ctx context.Context, params *cip.SetUserPoolMfaConfigInput, optFns ...func(*cip.Options)) (*cip.SetUserPoolMfaConfigOutput, error)
	AddCustomAttributes(ctx context.Context, params *cip.AddCustomAttributesInput, optFns ...func(*cip.Options)) (*cip.AddCustomAttributesOutput, error)
	TagResource(ctx context.Context, params *cip.TagResourceInput, optFns ...func(*cip.Options)) (*cip.TagResourceOutput, error)
	UntagResource(ctx context.Context, params *cip.UntagResourceInput, optFns ...func(*cip.Options)) (*cip.UntagResourceOutput, error)
	ListTagsForResource(ctx context.Context, params *cip.ListTagsForResourceInput, optFns ...func(*cip.Options)) (*cip.ListTagsForResourceOutput, error)
	CreateUserPoolClient(ctx context.Context, params *cip.CreateUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolClientOutput, error)
	DescribeUserPoolClient(ctx context.Context, params *cip.DescribeUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error)
	UpdateUserPoolClient(ctx context.Context, params *cip.UpdateUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolClientOutput, error)
	DeleteUserPoolClient(ctx context.Context, params *cip.DeleteUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolClientOutput, error)
	ListUserPoolClients(ctx context.Context, params *cip.ListUserPoolClientsInput, optFns ...func(*cip.Options)) (*cip.ListUserPoolClientsOutput, error)
	CreateGroup(ctx context.Context, params *cip.CreateGroupInput, optFns ...func(*cip.Options)) (*cip.CreateGroupOutput, error)
	GetGroup(ctx context.Context, params *cip.GetGroupInput, optFns ...func(*cip.Options)) (*cip.GetGroupOutput, error)
	UpdateGroup(ctx context.Context, params *cip.UpdateGroupInput, optFns ...func(*cip.Options)) (*cip.UpdateGroupOutput, error)
	DeleteGroup(ctx context.Context, params *cip.DeleteGroupInput, optFns ...func(*cip.Options)) (*cip.DeleteGroupOutput, error)
	ListGroups(ctx context.Context, params *cip.ListGroupsInput, optFns ...func(*cip.Options)) (*cip.ListGroupsOutput, error)
	CreateUserPoolDomain(ctx context.Context, params *cip.CreateUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolDomainOutput, error)
	DescribeUserPoolDomain(ctx context.Context, params *cip.DescribeUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolDomainOutput, error)
	UpdateUserPoolDomain(ctx context.Context, params *cip.UpdateUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolDomainOutput, error)
	DeleteUserPoolDomain(ctx context.Context, params *cip.DeleteUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolDomainOutput, error)
	CreateIdentityProvider(ctx context.Context, params *cip.CreateIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.CreateIdentityProviderOutput, error)
	DescribeIdentityProvider(ctx context.Context, params *cip.DescribeIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.DescribeIdentityProviderOutput, error)
	UpdateIdentityProvider(ctx context.Context, params *cip.UpdateIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.UpdateIdentityProviderOutput, error)
	DeleteIdentityProvider(ctx context.Context, params *cip.DeleteIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.DeleteIdentityProviderOutput, error)
	ListIdentityProviders(ctx context.Context, params *cip.ListIdentityProvidersInput, optFns ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error)
	CreateResourceServer(ctx context.Context, params *cip.CreateResourceServerInput, optFns ...func(*cip.Options)) (*cip.CreateResourceServerOutput, error)
	DescribeResourceServer(ctx context.Context, params *cip.DescribeResourceServerInput, optFns ...func(*cip.Options)) (*cip.DescribeResourceServerOutput, error)
	UpdateResourceServer(ctx context.Context, params *cip.UpdateResourceServerInput, optFns ...func(*cip.Options)) (*cip.UpdateResourceServerOutput, error)
	DeleteResourceServer(ctx context.Context, params *cip.DeleteResourceServerInput, optFns ...func(*cip.Options)) (*cip.DeleteResourceServerOutput, error)
	ListResourceServers(ctx context.Context, params *cip.ListResourceServersInput, optFns ...func(*cip.Options)) (*cip.ListResourceServersOutput, error)
	ListUsers(ctx context.Context, params *cip.ListUsersInput, optFns ...func(*cip.Options)) (*cip.ListUsersOutput, error)
	AdminGetUser(ctx context.Context, params *cip.AdminGetUserInput, optFns ...func(*cip.Options)) (*cip.AdminGetUserOutput, error)
	AdminCreateUser(ctx context.Context, params *cip.AdminCreateUserInput, optFns ...func(*cip.Options)) (*cip.AdminCreateUserOutput, error)
	AdminConfirmSignUp(ctx context.Context, params *cip.AdminConfirmSignUpInput, optFns ...func(*cip.Options)) (*cip.AdminConfirmSignUpOutput, error)
	AdminResetUserPassword(ctx context.Context, params *cip.AdminResetUserPasswordInput, optFns ...func(*cip.Options)) (*cip.AdminResetUserPasswordOutput, error)
	AdminSetUserPassword(ctx context.Context, params *cip.AdminSetUserPasswordInput, optFns ...func(*cip.Options)) (*cip.AdminSetUserPasswordOutput, error)
	AdminEnableUser(ctx context.Context, params *cip.AdminEnableUserInput, optFns ...func(*cip.Options)) (*cip.AdminEnableUserOutput, error)
	AdminDisableUser(ctx context.Context, params *cip.AdminDisableUserInput, optFns ...func(*cip.Options)) (*cip.AdminDisableUserOutput, error)
	AdminDeleteUser(ctx context.Context, params *cip.AdminDeleteUserInput, optFns ...func(*cip.Options)) (*cip.AdminDeleteUserOutput, error)
	AdminUserGlobalSignOut(ctx context.Context, params *cip.AdminUserGlobalSignOutInput, optFns ...func(*cip.Options)) (*cip.AdminUserGlobalSignOutOutput, error)
	AdminAddUserToGroup(ctx context.Context, params *cip.AdminAddUserToGroupInput, optFns ...func(*cip.Options)) (*cip.AdminAddUserToGroupOutput, error)
	AdminRemoveUserFromGroup(ctx context.Context, params *cip.AdminRemoveUserFromGroupInput, optFns ...func(*cip.Options)) (*cip.AdminRemoveUserFromGroupOutput, error)
	AdminListGroupsForUser(ctx context.Context, params *cip.AdminListGroupsForUserInput, optFns ...func(*cip.Options)) (*cip.AdminListGroupsForUserOutput, error)
	AdminSetUserMFAPreference(ctx context.Context, params *cip.AdminSetUserMFAPreferenceInput, optFns ...func(*cip.Options)) (*cip.AdminSetUserMFAPreferenceOutput, error)
	AdminUpdateUserAttributes(ctx context.Context, params *cip.AdminUpdateUserAttributesInput, optFns ...func(*cip.Options)) (*cip.AdminUpdateUserAttributesOutput, error)
	ListUsersInGroup(ctx context.Context, params *cip.ListUsersInGroupInput, optFns ...func(*cip.Options)) (*cip.ListUsersInGroupOutput, error)
	SignUp(ctx context.Context, params *cip.SignUpInput, optFns ...func(*cip.Options)) (*cip.SignUpOutput, error)
	ConfirmSignUp(ctx context.Context, params *cip.ConfirmSignUpInput, optFns ...func(*cip.Options)) (*cip.ConfirmSignUpOutput, error)
	InitiateAuth(ctx context.Context, params *cip.InitiateAuthInput, optFns ...func(*cip.Options)) (*cip.InitiateAuthOutput, error)
	AdminInitiateAuth(ctx context.Context, params *cip.AdminInitiateAuthInput, optFns ...func(*cip.Options)) (*cip.AdminInitiateAuthOutput, error)
	RespondToAuthChallenge(ctx context.Context, params *cip.RespondToAuthChallengeInput, optFns ...func(*cip.Options)) (*cip.RespondToAuthChallengeOutput, error)
	ForgotPassword(ctx context.Context, params *cip.ForgotPasswordInput, optFns ...func(*cip.Options)) (*cip.ForgotPasswordOutput, error)
}

// The real client must satisfy API.
var _ API = (*cip.Client)(nil)
