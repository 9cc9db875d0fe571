package users

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Get reads one user. name is the username or, where the pool signs in
// with them, the email, phone number or sub: AdminGetUser resolves those
// aliases and returns the real username.
func (s *Service) Get(ctx context.Context, name string) (User, error) {
	out, err := s.API.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(name)})
	if err != nil {
		if cognito.IsNotFound(err) {
			if _, perr := s.Pool(ctx); perr != nil {
				return User{}, perr
			}
		}
		return User{}, s.wrap("reading user "+name, name, err)
	}
	return fromGet(out), nil
}

// Resolve returns the real username behind name (an alias or the username
// itself); it is how every change checks first that the user exists.
// Some calls, such as AdminListGroupsForUser on cognito-local, match the
// username literally, so they are always given the resolved one.
func (s *Service) Resolve(ctx context.Context, name string) (string, error) {
	u, err := s.Get(ctx, name)
	if err != nil {
		return "", err
	}
	return u.Username, nil
}

// CreateInput is what `users create` asks for.
type CreateInput struct {
	Username   string
	Attributes map[string]string
	// TemporaryPassword, when empty, lets Cognito generate one.
	TemporaryPassword string
	// Suppress sends no invitation message.
	Suppress bool
}

// Create makes a user after checking its attributes against the pool's
// schema and its temporary password against the password policy.
func (s *Service) Create(ctx context.Context, in CreateInput) (User, error) {
	pool, err := s.Pool(ctx)
	if err != nil {
		return User{}, err
	}
	if err := CheckAttributes(pool, in.Attributes); err != nil {
		return User{}, err
	}
	if err := CheckRequired(pool, in.Attributes); err != nil {
		return User{}, err
	}
	if in.TemporaryPassword != "" {
		if err := CheckPassword(pool, in.TemporaryPassword); err != nil {
			return User{}, err
		}
	}
	req := &cip.AdminCreateUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(in.Username)}
	for _, k := range slices.Sorted(maps.Keys(in.Attributes)) {
		req.UserAttributes = append(req.UserAttributes, types.AttributeType{Name: aws.String(k), Value: aws.String(in.Attributes[k])})
	}
	if in.TemporaryPassword != "" {
		req.TemporaryPassword = aws.String(in.TemporaryPassword)
	}
	if in.Suppress {
		req.MessageAction = types.MessageActionTypeSuppress
	} else {
		if in.Attributes["email"] == "" && in.Attributes["phone_number"] == "" && !strings.Contains(in.Username, "@") {
			return User{}, &Error{
				Msg:  fmt.Sprintf("user %s has no email or phone_number to send the invitation to", in.Username),
				Hint: "add --attribute email=... (or phone_number=...), or pass --suppress to send nothing",
			}
		}
		// The invitation goes where the user can read it; Cognito's default
		// is SMS, which fails for a user with only an email.
		if in.Attributes["email"] != "" || strings.Contains(in.Username, "@") {
			req.DesiredDeliveryMediums = append(req.DesiredDeliveryMediums, types.DeliveryMediumTypeEmail)
		}
		if in.Attributes["phone_number"] != "" {
			req.DesiredDeliveryMediums = append(req.DesiredDeliveryMediums, types.DeliveryMediumTypeSms)
		}
	}
	out, err := s.API.AdminCreateUser(ctx, req)
	if err != nil {
		return User{}, s.wrap("creating user "+in.Username, in.Username, err)
	}
	return FromListed(*out.User), nil
}

// Confirm confirms a user who signed up but never entered the code. It
// reports false when the user was already confirmed (nothing to do).
func (s *Service) Confirm(ctx context.Context, name string) (bool, error) {
	u, err := s.Get(ctx, name)
	if err != nil {
		return false, err
	}
	if u.Status != string(types.UserStatusTypeUnconfirmed) {
		return false, nil
	}
	_, err = s.API.AdminConfirmSignUp(ctx, &cip.AdminConfirmSignUpInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u.Username)})
	return err == nil, s.wrap("confirming user "+name, name, err)
}

// ResetPassword makes the user's password unusable and sends them a code
// to choose a new one.
func (s *Service) ResetPassword(ctx context.Context, name string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminResetUserPassword(ctx, &cip.AdminResetUserPasswordInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)})
	return s.wrap("resetting the password of "+name, name, err)
}

// SetPassword sets the password after checking it against the policy.
// permanent=false makes it temporary: the user must change it at the next
// sign-in (status FORCE_CHANGE_PASSWORD).
func (s *Service) SetPassword(ctx context.Context, name, password string, permanent bool) error {
	pool, err := s.Pool(ctx)
	if err != nil {
		return err
	}
	if err := CheckPassword(pool, password); err != nil {
		return err
	}
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminSetUserPassword(ctx, &cip.AdminSetUserPasswordInput{
		UserPoolId: aws.String(s.PoolID), Username: aws.String(u), Password: aws.String(password), Permanent: permanent,
	})
	return s.wrap("setting the password of "+name, name, err)
}

// Enable lets a disabled user sign in again.
func (s *Service) Enable(ctx context.Context, name string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminEnableUser(ctx, &cip.AdminEnableUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)})
	return s.wrap("enabling user "+name, name, err)
}

// Disable stops a user from signing in, keeping the account.
func (s *Service) Disable(ctx context.Context, name string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminDisableUser(ctx, &cip.AdminDisableUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)})
	return s.wrap("disabling user "+name, name, err)
}

// Delete removes the user for good.
func (s *Service) Delete(ctx context.Context, name string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminDeleteUser(ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)})
	return s.wrap("deleting user "+name, name, err)
}

// SignOut revokes every refresh token of the user (global sign-out).
// Access and ID tokens already issued stay valid until they expire.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html
func (s *Service) SignOut(ctx context.Context, name string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	_, err = s.API.AdminUserGlobalSignOut(ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)})
	return s.wrap("signing out user "+name, name, err)
}

// checkGroup makes sure group exists, so that a typo changes nothing.
func (s *Service) checkGroup(ctx context.Context, group string) error {
	_, err := s.API.GetGroup(ctx, &cip.GetGroupInput{UserPoolId: aws.String(s.PoolID), GroupName: aws.String(group)})
	if err != nil {
		if cognito.IsNotFound(err) {
			return s.groupNotFound(group, err)
		}
		return fmt.Errorf("reading group %s: %w", group, err)
	}
	return nil
}

// AddToGroup adds the user to group.
func (s *Service) AddToGroup(ctx context.Context, name, group string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	if err := s.checkGroup(ctx, group); err != nil {
		return err
	}
	_, err = s.API.AdminAddUserToGroup(ctx, &cip.AdminAddUserToGroupInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u), GroupName: aws.String(group)})
	return s.wrap(fmt.Sprintf("adding %s to group %s", name, group), name, err)
}

// RemoveFromGroup takes the user out of group.
func (s *Service) RemoveFromGroup(ctx context.Context, name, group string) error {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	if err := s.checkGroup(ctx, group); err != nil {
		return err
	}
	_, err = s.API.AdminRemoveUserFromGroup(ctx, &cip.AdminRemoveUserFromGroupInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u), GroupName: aws.String(group)})
	return s.wrap(fmt.Sprintf("removing %s from group %s", name, group), name, err)
}

// Group is a group a user belongs to.
type Group struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Precedence  *int32    `json:"precedence,omitempty"`
	RoleARN     string    `json:"role_arn,omitempty"`
	Created     time.Time `json:"created"`
}

// Groups lists the groups the user belongs to.
func (s *Service) Groups(ctx context.Context, name string) ([]Group, error) {
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return nil, err
	}
	var groups []Group
	in := &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u), Limit: aws.Int32(60)}
	for {
		out, err := s.API.AdminListGroupsForUser(ctx, in)
		if err != nil {
			return nil, s.wrap("listing the groups of "+name, name, err)
		}
		for _, g := range out.Groups {
			groups = append(groups, Group{
				Name: aws.ToString(g.GroupName), Description: aws.ToString(g.Description),
				Precedence: g.Precedence, RoleARN: aws.ToString(g.RoleArn), Created: aws.ToTime(g.CreationDate),
			})
		}
		if aws.ToString(out.NextToken) == "" {
			return groups, nil
		}
		in.NextToken = out.NextToken
	}
}

// MFA factors a user can turn on.
const (
	FactorSMS  = "sms"
	FactorTOTP = "totp"
)

// MFAChange turns a user's MFA factors on or off; nil leaves one as it is.
type MFAChange struct {
	SMS       *bool
	TOTP      *bool
	Preferred string // "", FactorSMS or FactorTOTP
}

// SetMFA changes the user's MFA preferences. TOTP can only be turned on
// for a user who has already registered an authenticator app.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserMFAPreference.html
func (s *Service) SetMFA(ctx context.Context, name string, c MFAChange) error {
	if c.SMS == nil && c.TOTP == nil && c.Preferred == "" {
		return &Error{Msg: "nothing to change", Hint: "pass --sms on|off, --totp on|off or --preferred sms|totp"}
	}
	if (c.Preferred == FactorSMS && c.SMS != nil && !*c.SMS) || (c.Preferred == FactorTOTP && c.TOTP != nil && !*c.TOTP) {
		return &Error{Msg: fmt.Sprintf("--preferred %s needs that factor on", c.Preferred), Hint: fmt.Sprintf("add --%s on, or prefer the other factor", c.Preferred)}
	}
	u, err := s.Resolve(ctx, name)
	if err != nil {
		return err
	}
	in := &cip.AdminSetUserMFAPreferenceInput{UserPoolId: aws.String(s.PoolID), Username: aws.String(u)}
	if c.SMS != nil || c.Preferred == FactorSMS {
		in.SMSMfaSettings = &types.SMSMfaSettingsType{Enabled: c.SMS == nil || *c.SMS, PreferredMfa: c.Preferred == FactorSMS}
	}
	if c.TOTP != nil || c.Preferred == FactorTOTP {
		in.SoftwareTokenMfaSettings = &types.SoftwareTokenMfaSettingsType{Enabled: c.TOTP == nil || *c.TOTP, PreferredMfa: c.Preferred == FactorTOTP}
	}
	_, err = s.API.AdminSetUserMFAPreference(ctx, in)
	return s.wrap("setting the MFA preferences of "+name, name, err)
}
