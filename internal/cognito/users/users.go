// Package users holds cogwiz's user administration over cognito.API:
// streaming and filtering the users of a pool, reading, creating and
// changing one user, the local checks that catch bad input before Cognito
// sees it, and the steps of `cogwiz try`. It decides and calls; it never
// prints.
package users

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Service runs user operations against one pool.
type Service struct {
	API    cognito.API
	PoolID string

	pool *types.UserPoolType
}

// New returns a Service for the pool poolID.
func New(api cognito.API, poolID string) *Service {
	return &Service{API: api, PoolID: poolID}
}

// Pool describes the pool once and caches the answer: the schema and the
// password policy the local checks need.
func (s *Service) Pool(ctx context.Context) (*types.UserPoolType, error) {
	if s.pool != nil {
		return s.pool, nil
	}
	out, err := s.API.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(s.PoolID)})
	if err != nil {
		if cognito.IsNotFound(err) {
			return nil, &Error{Msg: fmt.Sprintf("user pool %s not found", s.PoolID), Hint: "check --pool-id, or run `cogwiz apply` to create the pool", Err: err}
		}
		return nil, fmt.Errorf("describing user pool %s: %w", s.PoolID, err)
	}
	s.pool = out.UserPool
	return s.pool, nil
}

// User is one user as cogwiz shows it.
type User struct {
	Username string    `json:"username"`
	Status   string    `json:"status"`
	Enabled  bool      `json:"enabled"`
	Email    string    `json:"email,omitempty"`
	Phone    string    `json:"phone_number,omitempty"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	// Attributes holds every attribute Cognito returned, by its Cognito name.
	Attributes map[string]string `json:"attributes"`
	// MFA lists the MFA methods the user has turned on (AdminGetUser only).
	MFA          []string `json:"mfa,omitempty"`
	PreferredMFA string   `json:"preferred_mfa,omitempty"`
}

// AttributeNames returns the user's attribute names, sorted.
func (u User) AttributeNames() []string {
	names := make([]string, 0, len(u.Attributes))
	for k := range u.Attributes {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func attrMap(attrs []types.AttributeType) map[string]string {
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		m[aws.ToString(a.Name)] = aws.ToString(a.Value)
	}
	return m
}

// FromListed converts a ListUsers entry.
func FromListed(u types.UserType) User {
	m := attrMap(u.Attributes)
	return User{
		Username:   aws.ToString(u.Username),
		Status:     string(u.UserStatus),
		Enabled:    u.Enabled,
		Email:      m["email"],
		Phone:      m["phone_number"],
		Created:    aws.ToTime(u.UserCreateDate),
		Modified:   aws.ToTime(u.UserLastModifiedDate),
		Attributes: m,
	}
}

func fromGet(out *cip.AdminGetUserOutput) User {
	m := attrMap(out.UserAttributes)
	return User{
		Username:     aws.ToString(out.Username),
		Status:       string(out.UserStatus),
		Enabled:      out.Enabled,
		Email:        m["email"],
		Phone:        m["phone_number"],
		Created:      aws.ToTime(out.UserCreateDate),
		Modified:     aws.ToTime(out.UserLastModifiedDate),
		Attributes:   m,
		MFA:          out.UserMFASettingList,
		PreferredMFA: aws.ToString(out.PreferredMfaSetting),
	}
}

// Error is a problem with what the user asked for: one line saying what is
// wrong, and a hint with the fix. Commands print Hint on its own line.
type Error struct {
	Msg  string
	Hint string
	Err  error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// ErrUserNotFound matches every "no such user" error of this package.
var ErrUserNotFound = errors.New("user not found")

// ErrGroupNotFound matches every "no such group" error of this package.
var ErrGroupNotFound = errors.New("group not found")

func (s *Service) userNotFound(name string, err error) error {
	hint := "list the users with `cogwiz users list`"
	if strings.Contains(name, "@") {
		hint = fmt.Sprintf("search by email with `cogwiz users list --email-prefix %s`", name)
	}
	return &Error{Msg: fmt.Sprintf("user %q not found in pool %s", name, s.PoolID), Hint: hint, Err: errors.Join(ErrUserNotFound, err)}
}

func (s *Service) groupNotFound(name string, err error) error {
	return &Error{
		Msg:  fmt.Sprintf("group %q not found in pool %s", name, s.PoolID),
		Hint: "declare it under user_pool.groups in cognito.yaml and run `cogwiz apply`",
		Err:  errors.Join(ErrGroupNotFound, err),
	}
}

// wrap turns Cognito's exceptions about user input into Errors with a
// hint, and anything else into "op: cause".
func (s *Service) wrap(op, user string, err error) error {
	if err == nil {
		return nil
	}
	var (
		unf *types.UserNotFoundException
		uex *types.UsernameExistsException
		ipw *types.InvalidPasswordException
		ipe *types.InvalidParameterException
		nae *types.NotAuthorizedException
		mfa *types.InvalidUserPoolConfigurationException
		rnf *types.ResourceNotFoundException
		rse *smithyhttp.RequestSendError
		api smithy.APIError
	)
	switch {
	case cognito.IsUnsupported(err):
		hint := "this endpoint (likely cognito-local) does not implement it; run it against AWS"
		if op == string(types.AuthFlowTypeUserSrpAuth) {
			hint = "cognito-local has no SRP: to try sign-in against it, add ALLOW_USER_PASSWORD_AUTH to the app client's auth_flows and `cogwiz apply`"
		}
		return &Error{Msg: fmt.Sprintf("%s: the endpoint does not support this operation", op), Hint: hint, Err: err}
	case errors.As(err, &unf):
		return s.userNotFound(user, err)
	case errors.As(err, &uex):
		return &Error{Msg: fmt.Sprintf("user %q already exists in pool %s", user, s.PoolID), Hint: fmt.Sprintf("see it with `cogwiz users get %s`, or pick another username", user), Err: err}
	case errors.As(err, &ipw):
		return &Error{Msg: "password rejected: " + aws.ToString(ipw.Message), Hint: "choose a password that meets the pool's password_policy", Err: err}
	case errors.As(err, &ipe):
		return &Error{Msg: fmt.Sprintf("%s: %s", op, aws.ToString(ipe.Message)), Err: err}
	case errors.As(err, &nae):
		return &Error{Msg: fmt.Sprintf("%s: not authorized: %s", op, aws.ToString(nae.Message)), Err: err}
	case errors.As(err, &mfa):
		return &Error{Msg: fmt.Sprintf("%s: %s", op, aws.ToString(mfa.Message)), Hint: "enable the factor in the pool first: user_pool.mfa.factors in cognito.yaml, then `cogwiz apply`", Err: err}
	case errors.As(err, &rnf):
		return &Error{Msg: fmt.Sprintf("%s: %s", op, aws.ToString(rnf.Message)),
			Hint: "check --pool-id and --region (a pool lives in one region), or run `cogwiz apply` to create it", Err: err}
	case errors.As(err, &rse), errors.As(err, &api):
		// Network failures and other AWS errors read as in every command.
		var ce *cognito.Error
		if f := cognito.Friendly(fmt.Errorf("%s: %w", op, err)); errors.As(f, &ce) {
			return &Error{Msg: ce.Error(), Hint: ce.Hint(), Err: err}
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// reworded replaces an error's text but keeps it in the chain, for
// errors.Is and errors.As.
type reworded struct {
	msg string
	err error
}

func (e *reworded) Error() string { return e.msg }
func (e *reworded) Unwrap() error { return e.err }
