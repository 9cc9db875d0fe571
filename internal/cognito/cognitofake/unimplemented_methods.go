// One method per method of cognito.API (same order as api.go).

package cognitofake

import (
	"context"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

func (unimplemented) CreateUserPool(context.Context, *cip.CreateUserPoolInput, ...func(*cip.Options)) (*cip.CreateUserPoolOutput, error) {
	return nil, unsupported("CreateUserPool")
}

func (unimplemented) DescribeUserPool(context.Context, *cip.DescribeUserPoolInput, ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	return nil, unsupported("DescribeUserPool")
}

func (unimplemented) UpdateUserPool(context.Context, *cip.UpdateUserPoolInput, ...func(*cip.Options)) (*cip.UpdateUserPoolOutput, error) {
	return nil, unsupported("UpdateUserPool")
}

func (unimplemented) DeleteUserPool(context.Context, *cip.DeleteUserPoolInput, ...func(*cip.Options)) (*cip.DeleteUserPoolOutput, error) {
	return nil, unsupported("DeleteUserPool")
}

func (unimplemented) ListUserPools(context.Context, *cip.ListUserPoolsInput, ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error) {
	return nil, unsupported("ListUserPools")
}

func (unimplemented) GetUserPoolMfaConfig(context.Context, *cip.GetUserPoolMfaConfigInput, ...func(*cip.Options)) (*cip.GetUserPoolMfaConfigOutput, error) {
	return nil, unsupported("GetUserPoolMfaConfig")
}

func (unimplemented) SetUserPoolMfaConfig(context.Context, *cip.SetUserPoolMfaConfigInput, ...func(*cip.Options)) (*cip.SetUserPoolMfaConfigOutput, error) {
	return nil, unsupported("SetUserPoolMfaConfig")
}

func (unimplemented) AddCustomAttributes(context.Context, *cip.AddCustomAttributesInput, ...func(*cip.Options)) (*cip.AddCustomAttributesOutput, error) {
	return nil, unsupported("AddCustomAttributes")
}

func (unimplemented) TagResource(context.Context, *cip.TagResourceInput, ...func(*cip.Options)) (*cip.TagResourceOutput, error) {
	return nil, unsupported("TagResource")
}

func (unimplemented) UntagResource(context.Context, *cip.UntagResourceInput, ...func(*cip.Options)) (*cip.UntagResourceOutput, error) {
	return nil, unsupported("UntagResource")
}

func (unimplemented) ListTagsForResource(context.Context, *cip.ListTagsForResourceInput, ...func(*cip.Options)) (*cip.ListTagsForResourceOutput, error) {
	return nil, unsupported("ListTagsForResource")
}

func (unimplemented) CreateUserPoolClient(context.Context, *cip.CreateUserPoolClientInput, ...func(*cip.Options)) (*cip.CreateUserPoolClientOutput, error) {
	return nil, unsupported("CreateUserPoolClient")
}

func (unimplemented) DescribeUserPoolClient(context.Context, *cip.DescribeUserPoolClientInput, ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error) {
	return nil, unsupported("DescribeUserPoolClient")
}

func (unimplemented) UpdateUserPoolClient(context.Context, *cip.UpdateUserPoolClientInput, ...func(*cip.Options)) (*cip.UpdateUserPoolClientOutput, error) {
	return nil, unsupported("UpdateUserPoolClient")
}

func (unimplemented) DeleteUserPoolClient(context.Context, *cip.DeleteUserPoolClientInput, ...func(*cip.Options)) (*cip.DeleteUserPoolClientOutput, error) {
	return nil, unsupported("DeleteUserPoolClient")
}

func (unimplemented) ListUserPoolClients(context.Context, *cip.ListUserPoolClientsInput, ...func(*cip.Options)) (*cip.ListUserPoolClientsOutput, error) {
	return nil, unsupported("ListUserPoolClients")
}

func (unimplemented) CreateGroup(context.Context, *cip.CreateGroupInput, ...func(*cip.Options)) (*cip.CreateGroupOutput, error) {
	return nil, unsupported("CreateGroup")
}

func (unimplemented) GetGroup(context.Context, *cip.GetGroupInput, ...func(*cip.Options)) (*cip.GetGroupOutput, error) {
	return nil, unsupported("GetGroup")
}

func (unimplemented) UpdateGroup(context.Context, *cip.UpdateGroupInput, ...func(*cip.Options)) (*cip.UpdateGroupOutput, error) {
	return nil, unsupported("UpdateGroup")
}

func (unimplemented) DeleteGroup(context.Context, *cip.DeleteGroupInput, ...func(*cip.Options)) (*cip.DeleteGroupOutput, error) {
	return nil, unsupported("DeleteGroup")
}

func (unimplemented) ListGroups(context.Context, *cip.ListGroupsInput, ...func(*cip.Options)) (*cip.ListGroupsOutput, error) {
	return nil, unsupported("ListGroups")
}

func (unimplemented) CreateUserPoolDomain(context.Context, *cip.CreateUserPoolDomainInput, ...func(*cip.Options)) (*cip.CreateUserPoolDomainOutput, error) {
	return nil, unsupported("CreateUserPoolDomain")
}

func (unimplemented) DescribeUserPoolDomain(context.Context, *cip.DescribeUserPoolDomainInput, ...func(*cip.Options)) (*cip.DescribeUserPoolDomainOutput, error) {
	return nil, unsupported("DescribeUserPoolDomain")
}

func (unimplemented) UpdateUserPoolDomain(context.Context, *cip.UpdateUserPoolDomainInput, ...func(*cip.Options)) (*cip.UpdateUserPoolDomainOutput, error) {
	return nil, unsupported("UpdateUserPoolDomain")
}

func (unimplemented) DeleteUserPoolDomain(context.Context, *cip.DeleteUserPoolDomainInput, ...func(*cip.Options)) (*cip.DeleteUserPoolDomainOutput, error) {
	return nil, unsupported("DeleteUserPoolDomain")
}

func (unimplemented) CreateIdentityProvider(context.Context, *cip.CreateIdentityProviderInput, ...func(*cip.Options)) (*cip.CreateIdentityProviderOutput, error) {
	return nil, unsupported("CreateIdentityProvider")
}

func (unimplemented) DescribeIdentityProvider(context.Context, *cip.DescribeIdentityProviderInput, ...func(*cip.Options)) (*cip.DescribeIdentityProviderOutput, error) {
	return nil, unsupported("DescribeIdentityProvider")
}

func (unimplemented) UpdateIdentityProvider(context.Context, *cip.UpdateIdentityProviderInput, ...func(*cip.Options)) (*cip.UpdateIdentityProviderOutput, error) {
	return nil, unsupported("UpdateIdentityProvider")
}

func (unimplemented) DeleteIdentityProvider(context.Context, *cip.DeleteIdentityProviderInput, ...func(*cip.Options)) (*cip.DeleteIdentityProviderOutput, error) {
	return nil, unsupported("DeleteIdentityProvider")
}

func (unimplemented) ListIdentityProviders(context.Context, *cip.ListIdentityProvidersInput, ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	return nil, unsupported("ListIdentityProviders")
}

func (unimplemented) CreateResourceServer(context.Context, *cip.CreateResourceServerInput, ...func(*cip.Options)) (*cip.CreateResourceServerOutput, error) {
	return nil, unsupported("CreateResourceServer")
}

func (unimplemented) DescribeResourceServer(context.Context, *cip.DescribeResourceServerInput, ...func(*cip.Options)) (*cip.DescribeResourceServerOutput, error) {
	return nil, unsupported("DescribeResourceServer")
}

func (unimplemented) UpdateResourceServer(context.Context, *cip.UpdateResourceServerInput, ...func(*cip.Options)) (*cip.UpdateResourceServerOutput, error) {
	return nil, unsupported("UpdateResourceServer")
}

func (unimplemented) DeleteResourceServer(context.Context, *cip.DeleteResourceServerInput, ...func(*cip.Options)) (*cip.DeleteResourceServerOutput, error) {
	return nil, unsupported("DeleteResourceServer")
}

func (unimplemented) ListResourceServers(context.Context, *cip.ListResourceServersInput, ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	return nil, unsupported("ListResourceServers")
}

func (unimplemented) ListUsers(context.Context, *cip.ListUsersInput, ...func(*cip.Options)) (*cip.ListUsersOutput, error) {
	return nil, unsupported("ListUsers")
}

func (unimplemented) AdminGetUser(context.Context, *cip.AdminGetUserInput, ...func(*cip.Options)) (*cip.AdminGetUserOutput, error) {
	return nil, unsupported("AdminGetUser")
}

func (unimplemented) AdminCreateUser(context.Context, *cip.AdminCreateUserInput, ...func(*cip.Options)) (*cip.AdminCreateUserOutput, error) {
	return nil, unsupported("AdminCreateUser")
}

func (unimplemented) AdminConfirmSignUp(context.Context, *cip.AdminConfirmSignUpInput, ...func(*cip.Options)) (*cip.AdminConfirmSignUpOutput, error) {
	return nil, unsupported("AdminConfirmSignUp")
}

func (unimplemented) AdminResetUserPassword(context.Context, *cip.AdminResetUserPasswordInput, ...func(*cip.Options)) (*cip.AdminResetUserPasswordOutput, error) {
	return nil, unsupported("AdminResetUserPassword")
}

func (unimplemented) AdminSetUserPassword(context.Context, *cip.AdminSetUserPasswordInput, ...func(*cip.Options)) (*cip.AdminSetUserPasswordOutput, error) {
	return nil, unsupported("AdminSetUserPassword")
}

func (unimplemented) AdminEnableUser(context.Context, *cip.AdminEnableUserInput, ...func(*cip.Options)) (*cip.AdminEnableUserOutput, error) {
	return nil, unsupported("AdminEnableUser")
}

func (unimplemented) AdminDisableUser(context.Context, *cip.AdminDisableUserInput, ...func(*cip.Options)) (*cip.AdminDisableUserOutput, error) {
	return nil, unsupported("AdminDisableUser")
}

func (unimplemented) AdminDeleteUser(context.Context, *cip.AdminDeleteUserInput, ...func(*cip.Options)) (*cip.AdminDeleteUserOutput, error) {
	return nil, unsupported("AdminDeleteUser")
}

func (unimplemented) AdminUserGlobalSignOut(context.Context, *cip.AdminUserGlobalSignOutInput, ...func(*cip.Options)) (*cip.AdminUserGlobalSignOutOutput, error) {
	return nil, unsupported("AdminUserGlobalSignOut")
}

func (unimplemented) AdminAddUserToGroup(context.Context, *cip.AdminAddUserToGroupInput, ...func(*cip.Options)) (*cip.AdminAddUserToGroupOutput, error) {
	return nil, unsupported("AdminAddUserToGroup")
}

func (unimplemented) AdminRemoveUserFromGroup(context.Context, *cip.AdminRemoveUserFromGroupInput, ...func(*cip.Options)) (*cip.AdminRemoveUserFromGroupOutput, error) {
	return nil, unsupported("AdminRemoveUserFromGroup")
}

func (unimplemented) AdminListGroupsForUser(context.Context, *cip.AdminListGroupsForUserInput, ...func(*cip.Options)) (*cip.AdminListGroupsForUserOutput, error) {
	return nil, unsupported("AdminListGroupsForUser")
}

func (unimplemented) AdminSetUserMFAPreference(context.Context, *cip.AdminSetUserMFAPreferenceInput, ...func(*cip.Options)) (*cip.AdminSetUserMFAPreferenceOutput, error) {
	return nil, unsupported("AdminSetUserMFAPreference")
}

func (unimplemented) AdminUpdateUserAttributes(context.Context, *cip.AdminUpdateUserAttributesInput, ...func(*cip.Options)) (*cip.AdminUpdateUserAttributesOutput, error) {
	return nil, unsupported("AdminUpdateUserAttributes")
}

func (unimplemented) ListUsersInGroup(context.Context, *cip.ListUsersInGroupInput, ...func(*cip.Options)) (*cip.ListUsersInGroupOutput, error) {
	return nil, unsupported("ListUsersInGroup")
}

func (unimplemented) SignUp(context.Context, *cip.SignUpInput, ...func(*cip.Options)) (*cip.SignUpOutput, error) {
	return nil, unsupported("SignUp")
}

func (unimplemented) ConfirmSignUp(context.Context, *cip.ConfirmSignUpInput, ...func(*cip.Options)) (*cip.ConfirmSignUpOutput, error) {
	return nil, unsupported("ConfirmSignUp")
}

func (unimplemented) InitiateAuth(context.Context, *cip.InitiateAuthInput, ...func(*cip.Options)) (*cip.InitiateAuthOutput, error) {
	return nil, unsupported("InitiateAuth")
}

func (unimplemented) AdminInitiateAuth(context.Context, *cip.AdminInitiateAuthInput, ...func(*cip.Options)) (*cip.AdminInitiateAuthOutput, error) {
	return nil, unsupported("AdminInitiateAuth")
}

func (unimplemented) RespondToAuthChallenge(context.Context, *cip.RespondToAuthChallengeInput, ...func(*cip.Options)) (*cip.RespondToAuthChallengeOutput, error) {
	return nil, unsupported("RespondToAuthChallenge")
}

func (unimplemented) ForgotPassword(context.Context, *cip.ForgotPasswordInput, ...func(*cip.Options)) (*cip.ForgotPasswordOutput, error) {
	return nil, unsupported("ForgotPassword")
}
