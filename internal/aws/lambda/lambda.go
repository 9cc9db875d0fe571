// Package lambda is cogwiz's only door to the AWS SDK's Lambda service: a
// narrow interface that *lambda.Client satisfies, and the functions cogwiz
// deploys — configuration, code hash, tags and the resource policy that
// lets a service invoke them — read back and compared in one shape. It
// knows nothing of Cognito or of how cogwiz names its functions.
package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
)

// API is the subset of Lambda that cogwiz calls, with the SDK's signatures.
type API interface {
	CreateFunction(ctx context.Context, params *lambda.CreateFunctionInput, optFns ...func(*lambda.Options)) (*lambda.CreateFunctionOutput, error)
	GetFunction(ctx context.Context, params *lambda.GetFunctionInput, optFns ...func(*lambda.Options)) (*lambda.GetFunctionOutput, error)
	UpdateFunctionCode(ctx context.Context, params *lambda.UpdateFunctionCodeInput, optFns ...func(*lambda.Options)) (*lambda.UpdateFunctionCodeOutput, error)
	UpdateFunctionConfiguration(ctx context.Context, params *lambda.UpdateFunctionConfigurationInput, optFns ...func(*lambda.Options)) (*lambda.UpdateFunctionConfigurationOutput, error)
	DeleteFunction(ctx context.Context, params *lambda.DeleteFunctionInput, optFns ...func(*lambda.Options)) (*lambda.DeleteFunctionOutput, error)
	AddPermission(ctx context.Context, params *lambda.AddPermissionInput, optFns ...func(*lambda.Options)) (*lambda.AddPermissionOutput, error)
	RemovePermission(ctx context.Context, params *lambda.RemovePermissionInput, optFns ...func(*lambda.Options)) (*lambda.RemovePermissionOutput, error)
	GetPolicy(ctx context.Context, params *lambda.GetPolicyInput, optFns ...func(*lambda.Options)) (*lambda.GetPolicyOutput, error)
	TagResource(ctx context.Context, params *lambda.TagResourceInput, optFns ...func(*lambda.Options)) (*lambda.TagResourceOutput, error)
}

// The real client must satisfy API.
var _ API = (*lambda.Client)(nil)

// New builds the Lambda client from a loaded configuration; endpointURL
// overrides the endpoint (tests).
func New(cfg aws.Config, endpointURL string) API {
	return lambda.NewFromConfig(cfg, func(o *lambda.Options) { o.BaseEndpoint = awsclient.Endpoint(endpointURL) })
}

// Function is a Lambda function as cogwiz manages it.
type Function struct {
	Name        string
	ARN         string
	Description string
	Runtime     string
	Handler     string
	// Role is the ARN of the execution role.
	Role string
	// Timeout is in seconds; 0 leaves Lambda's default.
	Timeout int32
	Env     map[string]string
	// CodeSHA256 is the base64 SHA-256 of the deployment package, as
	// Lambda reports it.
	CodeSHA256 string
	Tags       map[string]string
	// State and LastUpdateStatus say whether Lambda takes changes now.
	// https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
	State            string
	LastUpdateStatus string
}

// Permission is one statement of a function's resource policy that lets a
// service invoke it.
type Permission struct {
	Sid       string
	Principal string
	Action    string
	// SourceARN and SourceAccount are the statement's conditions
	// (ArnLike AWS:SourceArn, StringEquals AWS:SourceAccount).
	SourceARN     string
	SourceAccount string
}

// IsNotFound reports whether err says that the function (or its policy,
// or a statement of it) does not exist.
func IsNotFound(err error) bool {
	var nf *types.ResourceNotFoundException
	return errors.As(err, &nf) || awsclient.ErrorCode(err) == "ResourceNotFoundException"
}

// FlattenFunction reads GetFunction's answer into a Function.
func FlattenFunction(out *lambda.GetFunctionOutput) Function {
	c := out.Configuration
	f := Function{Tags: maps.Clone(out.Tags)}
	if f.Tags == nil {
		f.Tags = map[string]string{}
	}
	if c == nil {
		return f
	}
	f.Name, f.ARN, f.Description = aws.ToString(c.FunctionName), aws.ToString(c.FunctionArn), aws.ToString(c.Description)
	f.Runtime, f.Handler, f.Role = string(c.Runtime), aws.ToString(c.Handler), aws.ToString(c.Role)
	f.Timeout, f.CodeSHA256 = aws.ToInt32(c.Timeout), aws.ToString(c.CodeSha256)
	f.State, f.LastUpdateStatus = string(c.State), string(c.LastUpdateStatus)
	f.Env = map[string]string{}
	if c.Environment != nil {
		maps.Copy(f.Env, c.Environment.Variables)
	}
	return f
}

// FindFunction reads a function by name; nil when there is none.
func FindFunction(ctx context.Context, api API, name string) (*Function, error) {
	out, err := api.GetFunction(ctx, &lambda.GetFunctionInput{FunctionName: aws.String(name)})
	if err != nil {
		if IsNotFound(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading function %s: %w", name, err)
	}
	f := FlattenFunction(out)
	return &f, nil
}

// ExpandCreateFunction is the CreateFunction request of f with its
// deployment package: tags go with the create, so a function is never
// without its owner's tags.
func ExpandCreateFunction(f Function, zip []byte) *lambda.CreateFunctionInput {
	in := &lambda.CreateFunctionInput{
		FunctionName: aws.String(f.Name), Role: aws.String(f.Role), Runtime: types.Runtime(f.Runtime),
		Handler: aws.String(f.Handler), Code: &types.FunctionCode{ZipFile: zip}, PackageType: types.PackageTypeZip,
		Environment: &types.Environment{Variables: orEmpty(f.Env)}, Tags: maps.Clone(f.Tags),
	}
	if f.Description != "" {
		in.Description = aws.String(f.Description)
	}
	if f.Timeout > 0 {
		in.Timeout = aws.Int32(f.Timeout)
	}
	return in
}

// ExpandUpdateConfiguration is the UpdateFunctionConfiguration request
// that makes a function's configuration f. Environment is a full replace,
// so f.Env must hold every variable the function keeps.
func ExpandUpdateConfiguration(f Function) *lambda.UpdateFunctionConfigurationInput {
	in := &lambda.UpdateFunctionConfigurationInput{
		FunctionName: aws.String(f.Name), Role: aws.String(f.Role), Runtime: types.Runtime(f.Runtime),
		Handler: aws.String(f.Handler), Environment: &types.Environment{Variables: orEmpty(f.Env)},
		Description: aws.String(f.Description),
	}
	if f.Timeout > 0 {
		in.Timeout = aws.Int32(f.Timeout)
	}
	return in
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return maps.Clone(m)
}

// Pause waits before the attempt-th try (from 1) of a call that Lambda
// refused for now, or before polling a function that is still changing.
// It returns an error to give up.
type Pause func(ctx context.Context, attempt int) error

// Backoff is the Pause apply uses: a quarter of a second, doubling up to
// 5 seconds, 15 tries in all (about a minute) — quick for a function
// Lambda sets up in a moment, patient enough for IAM to make a new role
// usable, which usually takes seconds.
func Backoff(ctx context.Context, attempt int) error {
	if attempt > 15 {
		return errors.New("gave up waiting")
	}
	d := min(250*time.Millisecond<<min(attempt-1, 5), 5*time.Second)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// roleNotReady reports whether CreateFunction refused the role because
// IAM has not yet made a new role usable everywhere: IAM is eventually
// consistent, and Lambda answers InvalidParameterValueException with this
// message until the role and its trust policy reach it.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#API_CreateFunction_Errors
func roleNotReady(err error) bool {
	var ip *types.InvalidParameterValueException
	return errors.As(err, &ip) && strings.Contains(ip.ErrorMessage(), "cannot be assumed by Lambda")
}

// CreateFunction creates f from the deployment package zip and returns
// the function as Lambda made it. The create is sent once: after an
// answer that leaves open whether Lambda made it, the function is looked
// up, and taken as made only when it carries f's tags (function names are
// unique in a region, so one without them is someone else's). While IAM
// has not yet made a new execution role usable, the create is tried again
// after pause, which is safe: Lambda refused it.
func CreateFunction(ctx context.Context, api API, f Function, zip []byte, pause Pause) (*Function, error) {
	in := ExpandCreateFunction(f, zip)
	for attempt := 1; ; attempt++ {
		_, err := api.CreateFunction(ctx, in, func(o *lambda.Options) { o.Retryer = awsclient.SendOnce(o.Retryer) })
		switch {
		case err == nil:
		case roleNotReady(err):
			if perr := pause(ctx, attempt); perr != nil {
				return nil, fmt.Errorf("creating function %s: %w (the execution role did not become usable: %v)", f.Name, err, perr)
			}
			continue
		case awsclient.IsAmbiguous(err):
			found, lerr := FindFunction(ctx, api, f.Name)
			if lerr != nil || found == nil || !awsclient.HasTags(found.Tags, f.Tags) {
				return nil, fmt.Errorf("creating function %s: %w (looked up afterwards: not made)", f.Name, err)
			}
		default:
			return nil, fmt.Errorf("creating function %s: %w", f.Name, err)
		}
		return WaitReady(ctx, api, f.Name, pause)
	}
}

// WaitReady polls a function until Lambda takes changes to it again: a
// new function is Pending until Lambda has set it up, and an update
// leaves it InProgress for a while; a change sent meanwhile fails with
// ResourceConflictException.
// https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
func WaitReady(ctx context.Context, api API, name string, pause Pause) (*Function, error) {
	for attempt := 1; ; attempt++ {
		f, err := FindFunction(ctx, api, name)
		if err != nil {
			return nil, err
		}
		if f == nil {
			return nil, fmt.Errorf("function %s: %w", name, &types.ResourceNotFoundException{Message: aws.String("the function is gone")})
		}
		switch {
		case f.State == string(types.StateFailed):
			return nil, fmt.Errorf("function %s failed to become active", name)
		case f.LastUpdateStatus == string(types.LastUpdateStatusFailed):
			return nil, fmt.Errorf("the last update of function %s failed", name)
		case f.State != string(types.StatePending) && f.LastUpdateStatus != string(types.LastUpdateStatusInProgress):
			return f, nil
		}
		if err := pause(ctx, attempt); err != nil {
			return nil, fmt.Errorf("function %s is still %s%s: %w", name, f.State, f.LastUpdateStatus, err)
		}
	}
}

// UpdateCode uploads a new deployment package and waits until Lambda has
// taken it. Sending the same package twice is harmless.
func UpdateCode(ctx context.Context, api API, name string, zip []byte, pause Pause) (*Function, error) {
	if _, err := api.UpdateFunctionCode(ctx, &lambda.UpdateFunctionCodeInput{FunctionName: aws.String(name), ZipFile: zip}); err != nil {
		return nil, fmt.Errorf("updating the code of function %s: %w", name, err)
	}
	return WaitReady(ctx, api, name, pause)
}

// UpdateConfiguration makes a function's configuration f and waits until
// Lambda has taken it.
func UpdateConfiguration(ctx context.Context, api API, f Function, pause Pause) (*Function, error) {
	if _, err := api.UpdateFunctionConfiguration(ctx, ExpandUpdateConfiguration(f)); err != nil {
		return nil, fmt.Errorf("updating the configuration of function %s: %w", f.Name, err)
	}
	return WaitReady(ctx, api, f.Name, pause)
}

// Tag adds or changes tags of a function (others may tag it too, so none
// is removed).
func Tag(ctx context.Context, api API, arn string, tags map[string]string) error {
	if _, err := api.TagResource(ctx, &lambda.TagResourceInput{Resource: aws.String(arn), Tags: maps.Clone(tags)}); err != nil {
		return fmt.Errorf("tagging function %s: %w", arn, err)
	}
	return nil
}

// DeleteFunction deletes a function with its resource policy; one that is
// already gone is no error.
func DeleteFunction(ctx context.Context, api API, name string) error {
	if _, err := api.DeleteFunction(ctx, &lambda.DeleteFunctionInput{FunctionName: aws.String(name)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting function %s: %w", name, err)
	}
	return nil
}

// policy is a resource policy as GetPolicy returns it.
// https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
type policy struct {
	Statement []struct {
		Sid       string          `json:"Sid"`
		Effect    string          `json:"Effect"`
		Principal json.RawMessage `json:"Principal"`
		Action    json.RawMessage `json:"Action"`
		Condition map[string]map[string]json.RawMessage
	} `json:"Statement"`
}

// Permissions reads the Allow statements of a function's resource
// policy; a function without a policy has none.
func Permissions(ctx context.Context, api API, name string) ([]Permission, error) {
	out, err := api.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: aws.String(name)})
	if err != nil {
		if IsNotFound(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading the policy of function %s: %w", name, err)
	}
	var p policy
	if err := json.Unmarshal([]byte(aws.ToString(out.Policy)), &p); err != nil {
		return nil, fmt.Errorf("the policy of function %s is not JSON: %w", name, err)
	}
	var perms []Permission
	for _, s := range p.Statement {
		if s.Effect != "Allow" {
			continue
		}
		perm := Permission{Sid: s.Sid, Principal: service(s.Principal), Action: firstString(s.Action)}
		if c, ok := s.Condition["ArnLike"]["AWS:SourceArn"]; ok {
			perm.SourceARN = firstString(c)
		}
		if c, ok := s.Condition["StringEquals"]["AWS:SourceAccount"]; ok {
			perm.SourceAccount = firstString(c)
		}
		perms = append(perms, perm)
	}
	return perms, nil
}

// service reads a principal written {"Service": "x"} (or "*").
func service(raw json.RawMessage) string {
	var p struct{ Service json.RawMessage }
	if json.Unmarshal(raw, &p) == nil && p.Service != nil {
		return firstString(p.Service)
	}
	return firstString(raw)
}

// firstString reads a policy value written as a string or a one-element list.
func firstString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil && len(list) == 1 {
		return list[0]
	}
	return string(raw)
}

// ExpandAddPermission is the AddPermission request of p on function name.
func ExpandAddPermission(name string, p Permission) *lambda.AddPermissionInput {
	in := &lambda.AddPermissionInput{
		FunctionName: aws.String(name), StatementId: aws.String(p.Sid),
		Action: aws.String(p.Action), Principal: aws.String(p.Principal),
	}
	if p.SourceARN != "" {
		in.SourceArn = aws.String(p.SourceARN)
	}
	if p.SourceAccount != "" {
		in.SourceAccount = aws.String(p.SourceAccount)
	}
	return in
}

// AddPermission adds p to a function's resource policy. It is sent once:
// after an answer that leaves open whether Lambda added the statement,
// the policy is read, and the statement taken as added when it is there.
func AddPermission(ctx context.Context, api API, name string, p Permission) error {
	_, err := api.AddPermission(ctx, ExpandAddPermission(name, p), func(o *lambda.Options) { o.Retryer = awsclient.SendOnce(o.Retryer) })
	if err == nil {
		return nil
	}
	if awsclient.IsAmbiguous(err) {
		perms, lerr := Permissions(ctx, api, name)
		for _, have := range perms {
			if lerr == nil && have == p {
				return nil
			}
		}
	}
	return fmt.Errorf("letting %s invoke function %s: %w", p.Principal, name, err)
}

// RemovePermission removes the statement sid from a function's resource
// policy; one that is already gone is no error.
func RemovePermission(ctx context.Context, api API, name, sid string) error {
	if _, err := api.RemovePermission(ctx, &lambda.RemovePermissionInput{FunctionName: aws.String(name), StatementId: aws.String(sid)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("removing statement %s from the policy of function %s: %w", sid, name, err)
	}
	return nil
}
