package cognitofake

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/awsfake"
)

// Users are modelled only as far as counting them goes: created by
// AdminCreateUser, listed by ListUsers in pages of Limit (at most 60).
func (f *Fake) registerUsers(sv *awsfake.Service) {
	awsfake.Op(sv, "AdminCreateUser", f.adminCreateUser)
	awsfake.Op(sv, "ListUsers", f.listUsers)
}

func (f *Fake) adminCreateUser(in *cip.AdminCreateUserInput) (*cip.AdminCreateUserOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	s := f.store()
	id := childID(in.UserPoolId, in.Username)
	if _, ok := s.Get(typeUser, id); ok {
		return nil, awsfake.Errorf("UsernameExistsException", "User account already exists")
	}
	now := s.Now()
	u := &types.UserType{Username: in.Username, Attributes: in.UserAttributes, Enabled: true, UserStatus: types.UserStatusTypeForceChangePassword,
		UserCreateDate: aws.Time(now), UserLastModifiedDate: aws.Time(now)}
	s.Put(&awsfake.Item{Type: typeUser, ID: id, Parent: it.ID, Value: u})
	return &cip.AdminCreateUserOutput{User: u}, nil
}

// listUsers pages by Limit (0–60, 60 when unset) and PaginationToken.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
func (f *Fake) listUsers(in *cip.ListUsersInput) (*cip.ListUsersOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	limit := int(aws.ToInt32(in.Limit))
	if limit < 0 || limit > 60 {
		return nil, invalid("Limit must be between 0 and 60")
	}
	if limit == 0 {
		limit = 60
	}
	page, next := awsfake.Page(f.store().List(typeUser, it.ID), in.PaginationToken, limit)
	out := &cip.ListUsersOutput{PaginationToken: next}
	for _, u := range page {
		out.Users = append(out.Users, *u.Value.(*types.UserType))
	}
	return out, nil
}
