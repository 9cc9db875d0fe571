// One method per method of cognito.API (same order as api.go).

package cognitofake

import (
	"context"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

func (r *Recorder) CreateUserPool(ctx context.Context, in *cip.CreateUserPoolInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolOutput, error) {
	if err := r.record(ctx, "CreateUserPool", in); err != nil {
		return nil, err
	}
	return r.API.CreateUserPool(ctx, in, optFns...)
}

func (r *Recorder) DescribeUserPool(ctx context.Context, in *cip.DescribeUserPoolInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	if err := r.record(ctx, "DescribeUserPool", in); err != nil {
		return nil, err
	}
	return r.API.DescribeUserPool(ctx, in, optFns...)
}

func (r *Recorder) UpdateUserPool(ctx context.Context, in *cip.UpdateUserPoolInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolOutput, error) {
	if err := r.record(ctx, "UpdateUserPool", in); err != nil {
		return nil, err
	}
	return r.API.UpdateUserPool(ctx, in, optFns...)
}

func (r *Recorder) DeleteUserPool(ctx context.Context, in *cip.DeleteUserPoolInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolOutput, error) {
	if err := r.record(ctx, "DeleteUserPool", in); err != nil {
		return nil, err
	}
	return r.API.DeleteUserPool(ctx, in, optFns...)
}

func (r *Recorder) ListUserPools(ctx context.Context, in *cip.ListUserPoolsInput, optFns ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error) {
	if err := r.record(ctx, "ListUserPools", in); err != nil {
		return nil, err
	}
	return r.API.ListUserPools(ctx, in, optFns...)
}

func (r *Recorder) GetUserPoolMfaConfig(ctx context.Context, in *cip.GetUserPoolMfaConfigInput, optFns ...func(*cip.Options)) (*cip.GetUserPoolMfaConfigOutput, error) {
	if err := r.record(ctx, "GetUserPoolMfaConfig", in); err != nil {
		return nil, err
	}
	return r.API.GetUserPoolMfaConfig(ctx, in, optFns...)
}

func (r *Recorder) SetUserPoolMfaConfig(ctx context.Context, in *cip.SetUserPoolMfaConfigInput, optFns ...func(*cip.Options)) (*cip.SetUserPoolMfaConfigOutput, error) {
	if err := r.record(ctx, "SetUserPoolMfaConfig", in); err != nil {
		return nil, err
	}
	return r.API.SetUserPoolMfaConfig(ctx, in, optFns...)
}

func (r *Recorder) AddCustomAttributes(ctx context.Context, in *cip.AddCustomAttributesInput, optFns ...func(*cip.Options)) (*cip.AddCustomAttributesOutput, error) {
	if err := r.record(ctx, "AddCustomAttributes", in); err != nil {
		return nil, err
	}
	return r.API.AddCustomAttributes(ctx, in, optFns...)
}

func (r *Recorder) TagResource(ctx context.Context, in *cip.TagResourceInput, optFns ...func(*cip.Options)) (*cip.TagResourceOutput, error) {
	if err := r.record(ctx, "TagResource", in); err != nil {
		return nil, err
	}
	return r.API.TagResource(ctx, in, optFns...)
}

func (r *Recorder) UntagResource(ctx context.Context, in *cip.UntagResourceInput, optFns ...func(*cip.Options)) (*cip.UntagResourceOutput, error) {
	if err := r.record(ctx, "UntagResource", in); err != nil {
		return nil, err
	}
	return r.API.UntagResource(ctx, in, optFns...)
}

func (r *Recorder) ListTagsForResource(ctx context.Context, in *cip.ListTagsForResourceInput, optFns ...func(*cip.Options)) (*cip.ListTagsForResourceOutput, error) {
	if err := r.record(ctx, "ListTagsForResource", in); err != nil {
		return nil, err
	}
	return r.API.ListTagsForResource(ctx, in, optFns...)
}

func (r *Recorder) CreateUserPoolClient(ctx context.Context, in *cip.CreateUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolClientOutput, error) {
	if err := r.record(ctx, "CreateUserPoolClient", in); err != nil {
		return nil, err
	}
	return r.API.CreateUserPoolClient(ctx, in, optFns...)
}

func (r *Recorder) DescribeUserPoolClient(ctx context.Context, in *cip.DescribeUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error) {
	if err := r.record(ctx, "DescribeUserPoolClient", in); err != nil {
		return nil, err
	}
	return r.API.DescribeUserPoolClient(ctx, in, optFns...)
}

func (r *Recorder) UpdateUserPoolClient(ctx context.Context, in *cip.UpdateUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolClientOutput, error) {
	if err := r.record(ctx, "UpdateUserPoolClient", in); err != nil {
		return nil, err
	}
	return r.API.UpdateUserPoolClient(ctx, in, optFns...)
}

func (r *Recorder) DeleteUserPoolClient(ctx context.Context, in *cip.DeleteUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolClientOutput, error) {
	if err := r.record(ctx, "DeleteUserPoolClient", in); err != nil {
		return nil, err
	}
	return r.API.DeleteUserPoolClient(ctx, in, optFns...)
}

func (r *Recorder) ListUserPoolClients(ctx context.Context, in *cip.ListUserPoolClientsInput, optFns ...func(*cip.Options)) (*cip.ListUserPoolClientsOutput, error) {
	if err := r.record(ctx, "ListUserPoolClients", in); err != nil {
		return nil, err
	}
	return r.API.ListUserPoolClients(ctx, in, optFns...)
}

func (r *Recorder) CreateGroup(ctx context.Context, in *cip.CreateGroupInput, optFns ...func(*cip.Options)) (*cip.CreateGroupOutput, error) {
	if err := r.record(ctx, "CreateGroup", in); err != nil {
		return nil, err
	}
	return r.API.CreateGroup(ctx, in, optFns...)
}

func (r *Recorder) GetGroup(ctx context.Context, in *cip.GetGroupInput, optFns ...func(*cip.Options)) (*cip.GetGroupOutput, error) {
	if err := r.record(ctx, "GetGroup", in); err != nil {
		return nil, err
	}
	return r.API.GetGroup(ctx, in, optFns...)
}

func (r *Recorder) UpdateGroup(ctx context.Context, in *cip.UpdateGroupInput, optFns ...func(*cip.Options)) (*cip.UpdateGroupOutput, error) {
	if err := r.record(ctx, "UpdateGroup", in); err != nil {
		return nil, err
	}
	return r.API.UpdateGroup(ctx, in, optFns...)
}

func (r *Recorder) DeleteGroup(ctx context.Context, in *cip.DeleteGroupInput, optFns ...func(*cip.Options)) (*cip.DeleteGroupOutput, error) {
	if err := r.record(ctx, "DeleteGroup", in); err != nil {
		return nil, err
	}
	return r.API.DeleteGroup(ctx, in, optFns...)
}

func (r *Recorder) ListGroups(ctx context.Context, in *cip.ListGroupsInput, optFns ...func(*cip.Options)) (*cip.ListGroupsOutput, error) {
	if err := r.record(ctx, "ListGroups", in); err != nil {
		return nil, err
	}
	return r.API.ListGroups(ctx, in, optFns...)
}

func (r *Recorder) CreateUserPoolDomain(ctx context.Context, in *cip.CreateUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.CreateUserPoolDomainOutput, error) {
	if err := r.record(ctx, "CreateUserPoolDomain", in); err != nil {
		return nil, err
	}
	return r.API.CreateUserPoolDomain(ctx, in, optFns...)
}

func (r *Recorder) DescribeUserPoolDomain(ctx context.Context, in *cip.DescribeUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolDomainOutput, error) {
	if err := r.record(ctx, "DescribeUserPoolDomain", in); err != nil {
		return nil, err
	}
	return r.API.DescribeUserPoolDomain(ctx, in, optFns...)
}

func (r *Recorder) UpdateUserPoolDomain(ctx context.Context, in *cip.UpdateUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolDomainOutput, error) {
	if err := r.record(ctx, "UpdateUserPoolDomain", in); err != nil {
		return nil, err
	}
	return r.API.UpdateUserPoolDomain(ctx, in, optFns...)
}

func (r *Recorder) DeleteUserPoolDomain(ctx context.Context, in *cip.DeleteUserPoolDomainInput, optFns ...func(*cip.Options)) (*cip.DeleteUserPoolDomainOutput, error) {
	if err := r.record(ctx, "DeleteUserPoolDomain", in); err != nil {
		return nil, err
	}
	return r.API.DeleteUserPoolDomain(ctx, in, optFns...)
}

func (r *Recorder) CreateIdentityProvider(ctx context.Context, in *cip.CreateIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.CreateIdentityProviderOutput, error) {
	if err := r.record(ctx, "CreateIdentityProvider", in); err != nil {
		return nil, err
	}
	return r.API.CreateIdentityProvider(ctx, in, optFns...)
}

func (r *Recorder) DescribeIdentityProvider(ctx context.Context, in *cip.DescribeIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.DescribeIdentityProviderOutput, error) {
	if err := r.record(ctx, "DescribeIdentityProvider", in); err != nil {
		return nil, err
	}
	return r.API.DescribeIdentityProvider(ctx, in, optFns...)
}

func (r *Recorder) UpdateIdentityProvider(ctx context.Context, in *cip.UpdateIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.UpdateIdentityProviderOutput, error) {
	if err := r.record(ctx, "UpdateIdentityProvider", in); err != nil {
		return nil, err
	}
	return r.API.UpdateIdentityProvider(ctx, in, optFns...)
}

func (r *Recorder) DeleteIdentityProvider(ctx context.Context, in *cip.DeleteIdentityProviderInput, optFns ...func(*cip.Options)) (*cip.DeleteIdentityProviderOutput, error) {
	if err := r.record(ctx, "DeleteIdentityProvider", in); err != nil {
		return nil, err
	}
	return r.API.DeleteIdentityProvider(ctx, in, optFns...)
}

func (r *Recorder) ListIdentityProviders(ctx context.Context, in *cip.ListIdentityProvidersInput, optFns ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	if err := r.record(ctx, "ListIdentityProviders", in); err != nil {
		return nil, err
	}
	return r.API.ListIdentityProviders(ctx, in, optFns...)
}

func (r *Recorder) CreateResourceServer(ctx context.Context, in *cip.CreateResourceServerInput, optFns ...func(*cip.Options)) (*cip.CreateResourceServerOutput, error) {
	if err := r.record(ctx, "CreateResourceServer", in); err != nil {
		return nil, err
	}
	return r.API.CreateResourceServer(ctx, in, optFns...)
}

func (r *Recorder) DescribeResourceServer(ctx context.Context, in *cip.DescribeResourceServerInput, optFns ...func(*cip.Options)) (*cip.DescribeResourceServerOutput, error) {
	if err := r.record(ctx, "DescribeResourceServer", in); err != nil {
		return nil, err
	}
	return r.API.DescribeResourceServer(ctx, in, optFns...)
}

func (r *Recorder) UpdateResourceServer(ctx context.Context, in *cip.UpdateResourceServerInput, optFns ...func(*cip.Options)) (*cip.UpdateResourceServerOutput, error) {
	if err := r.record(ctx, "UpdateResourceServer", in); err != nil {
		return nil, err
	}
	return r.API.UpdateResourceServer(ctx, in, optFns...)
}

func (r *Recorder) DeleteResourceServer(ctx context.Context, in *cip.DeleteResourceServerInput, optFns ...func(*cip.Options)) (*cip.DeleteResourceServerOutput, error) {
	if err := r.record(ctx, "DeleteResourceServer", in); err != nil {
		return nil, err
	}
	return r.API.DeleteResourceServer(ctx, in, optFns...)
}

func (r *Recorder) ListResourceServers(ctx context.Context, in *cip.ListResourceServersInput, optFns ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	if err := r.record(ctx, "ListResourceServers", in); err != nil {
		return nil, err
	}
	return r.API.ListResourceServers(ctx, in, optFns...)
}

func (r *Recorder) ListUsers(ctx context.Context, in *cip.ListUsersInput, optFns ...func(*cip.Options)) (*cip.ListUsersOutput, error) {
	if err := r.record(ctx, "ListUsers", in); err != nil {
		return nil, err
	}
	return r.API.ListUsers(ctx, in, optFns...)
}

func (r *Recorder) AdminGetUser(ctx context.Context, in *cip.AdminGetUserInput, optFns ...func(*cip.Options)) (*cip.AdminGetUserOutput, error) {
	if err := r.record(ctx, "AdminGetUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminGetUser(ctx, in, optFns...)
}

func (r *Recorder) AdminCreateUser(ctx context.Context, in *cip.AdminCreateUserInput, optFns ...func(*cip.Options)) (*cip.AdminCreateUserOutput, error) {
	if err := r.record(ctx, "AdminCreateUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminCreateUser(ctx, in, optFns...)
}

func (r *Recorder) AdminConfirmSignUp(ctx context.Context, in *cip.AdminConfirmSignUpInput, optFns ...func(*cip.Options)) (*cip.AdminConfirmSignUpOutput, error) {
	if err := r.record(ctx, "AdminConfirmSignUp", in); err != nil {
		return nil, err
	}
	return r.API.AdminConfirmSignUp(ctx, in, optFns...)
}

func (r *Recorder) AdminResetUserPassword(ctx context.Context, in *cip.AdminResetUserPasswordInput, optFns ...func(*cip.Options)) (*cip.AdminResetUserPasswordOutput, error) {
	if err := r.record(ctx, "AdminResetUserPassword", in); err != nil {
		return nil, err
	}
	return r.API.AdminResetUserPassword(ctx, in, optFns...)
}

func (r *Recorder) AdminSetUserPassword(ctx context.Context, in *cip.AdminSetUserPasswordInput, optFns ...func(*cip.Options)) (*cip.AdminSetUserPasswordOutput, error) {
	if err := r.record(ctx, "AdminSetUserPassword", in); err != nil {
		return nil, err
	}
	return r.API.AdminSetUserPassword(ctx, in, optFns...)
}

func (r *Recorder) AdminEnableUser(ctx context.Context, in *cip.AdminEnableUserInput, optFns ...func(*cip.Options)) (*cip.AdminEnableUserOutput, error) {
	if err := r.record(ctx, "AdminEnableUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminEnableUser(ctx, in, optFns...)
}

func (r *Recorder) AdminDisableUser(ctx context.Context, in *cip.AdminDisableUserInput, optFns ...func(*cip.Options)) (*cip.AdminDisableUserOutput, error) {
	if err := r.record(ctx, "AdminDisableUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminDisableUser(ctx, in, optFns...)
}

func (r *Recorder) AdminDeleteUser(ctx context.Context, in *cip.AdminDeleteUserInput, optFns ...func(*cip.Options)) (*cip.AdminDeleteUserOutput, error) {
	if err := r.record(ctx, "AdminDeleteUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminDeleteUser(ctx, in, optFns...)
}

func (r *Recorder) AdminUserGlobalSignOut(ctx context.Context, in *cip.AdminUserGlobalSignOutInput, optFns ...func(*cip.Options)) (*cip.AdminUserGlobalSignOutOutput, error) {
	if err := r.record(ctx, "AdminUserGlobalSignOut", in); err != nil {
		return nil, err
	}
	return r.API.AdminUserGlobalSignOut(ctx, in, optFns...)
}

func (r *Recorder) AdminAddUserToGroup(ctx context.Context, in *cip.AdminAddUserToGroupInput, optFns ...func(*cip.Options)) (*cip.AdminAddUserToGroupOutput, error) {
	if err := r.record(ctx, "AdminAddUserToGroup", in); err != nil {
		return nil, err
	}
	return r.API.AdminAddUserToGroup(ctx, in, optFns...)
}

func (r *Recorder) AdminRemoveUserFromGroup(ctx context.Context, in *cip.AdminRemoveUserFromGroupInput, optFns ...func(*cip.Options)) (*cip.AdminRemoveUserFromGroupOutput, error) {
	if err := r.record(ctx, "AdminRemoveUserFromGroup", in); err != nil {
		return nil, err
	}
	return r.API.AdminRemoveUserFromGroup(ctx, in, optFns...)
}

func (r *Recorder) AdminListGroupsForUser(ctx context.Context, in *cip.AdminListGroupsForUserInput, optFns ...func(*cip.Options)) (*cip.AdminListGroupsForUserOutput, error) {
	if err := r.record(ctx, "AdminListGroupsForUser", in); err != nil {
		return nil, err
	}
	return r.API.AdminListGroupsForUser(ctx, in, optFns...)
}

func (r *Recorder) AdminSetUserMFAPreference(ctx context.Context, in *cip.AdminSetUserMFAPreferenceInput, optFns ...func(*cip.Options)) (*cip.AdminSetUserMFAPreferenceOutput, error) {
	if err := r.record(ctx, "AdminSetUserMFAPreference", in); err != nil {
		return nil, err
	}
	return r.API.AdminSetUserMFAPreference(ctx, in, optFns...)
}

func (r *Recorder) AdminUpdateUserAttributes(ctx context.Context, in *cip.AdminUpdateUserAttributesInput, optFns ...func(*cip.Options)) (*cip.AdminUpdateUserAttributesOutput, error) {
	if err := r.record(ctx, "AdminUpdateUserAttributes", in); err != nil {
		return nil, err
	}
	return r.API.AdminUpdateUserAttributes(ctx, in, optFns...)
}

func (r *Recorder) ListUsersInGroup(ctx context.Context, in *cip.ListUsersInGroupInput, optFns ...func(*cip.Options)) (*cip.ListUsersInGroupOutput, error) {
	if err := r.record(ctx, "ListUsersInGroup", in); err != nil {
		return nil, err
	}
	return r.API.ListUsersInGroup(ctx, in, optFns...)
}

func (r *Recorder) SignUp(ctx context.Context, in *cip.SignUpInput, optFns ...func(*cip.Options)) (*cip.SignUpOutput, error) {
	if err := r.record(ctx, "SignUp", in); err != nil {
		return nil, err
	}
	return r.API.SignUp(ctx, in, optFns...)
}

func (r *Recorder) ConfirmSignUp(ctx context.Context, in *cip.ConfirmSignUpInput, optFns ...func(*cip.Options)) (*cip.ConfirmSignUpOutput, error) {
	if err := r.record(ctx, "ConfirmSignUp", in); err != nil {
		return nil, err
	}
	return r.API.ConfirmSignUp(ctx, in, optFns...)
}

func (r *Recorder) InitiateAuth(ctx context.Context, in *cip.InitiateAuthInput, optFns ...func(*cip.Options)) (*cip.InitiateAuthOutput, error) {
	if err := r.record(ctx, "InitiateAuth", in); err != nil {
		return nil, err
	}
	return r.API.InitiateAuth(ctx, in, optFns...)
}

func (r *Recorder) AdminInitiateAuth(ctx context.Context, in *cip.AdminInitiateAuthInput, optFns ...func(*cip.Options)) (*cip.AdminInitiateAuthOutput, error) {
	if err := r.record(ctx, "AdminInitiateAuth", in); err != nil {
		return nil, err
	}
	return r.API.AdminInitiateAuth(ctx, in, optFns...)
}

func (r *Recorder) RespondToAuthChallenge(ctx context.Context, in *cip.RespondToAuthChallengeInput, optFns ...func(*cip.Options)) (*cip.RespondToAuthChallengeOutput, error) {
	if err := r.record(ctx, "RespondToAuthChallenge", in); err != nil {
		return nil, err
	}
	return r.API.RespondToAuthChallenge(ctx, in, optFns...)
}

func (r *Recorder) ForgotPassword(ctx context.Context, in *cip.ForgotPasswordInput, optFns ...func(*cip.Options)) (*cip.ForgotPasswordOutput, error) {
	if err := r.record(ctx, "ForgotPassword", in); err != nil {
		return nil, err
	}
	return r.API.ForgotPassword(ctx, in, optFns...)
}
