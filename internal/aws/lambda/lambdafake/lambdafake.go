// Package lambdafake is the Lambda service of the generic fake
// (internal/awsfake): thin adapters over its Store for the operations
// cogwiz calls, speaking Lambda's REST-JSON protocol, so the real SDK
// client reaches it through its endpoint. It follows the Lambda API
// reference (https://docs.aws.amazon.com/lambda/latest/api/):
//   - CreateFunction checks names, the role ARN, the runtime, the handler,
//     the zip and the environment (4 KB at most); the role must exist in
//     the fake's IAM and trust lambda.amazonaws.com, else "The role defined
//     for the function cannot be assumed by Lambda"; a taken name is
//     ResourceConflictException (409);
//   - CodeSha256 is the base64 SHA-256 of the zip;
//   - a new function is Pending and an updated one InProgress until Lambda
//     has set it up; meanwhile another update is ResourceConflictException
//     (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
//     Here each read of the function moves it one step on: the first read
//     after a change still sees it changing, the next sees it done;
//   - AddPermission refuses a statement id the policy already has
//     (ResourceConflictException); GetPolicy of a function without a
//     policy and RemovePermission of a missing statement are
//     ResourceNotFoundException;
//   - a missing function is ResourceNotFoundException (404).
package lambdafake

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/cogwiz/cogwiz/internal/aws/iam/iamfake"
	"github.com/cogwiz/cogwiz/internal/awsfake"
)

const typeFunction = "lambda:function"

// Fake serves Lambda on an awsfake.Server.
type Fake struct {
	Server  *awsfake.Server
	Region  string
	Account string
	// RoleDelay is how many CreateFunction calls naming a role are refused
	// as "cannot be assumed" before it works, as while IAM has not yet made
	// a new role usable everywhere. Set it before the first call.
	RoleDelay int
	// SourceARN is the pattern AddPermission's SourceArn must match: the
	// API reference's, unless a test pairs the fake with cognito-local,
	// whose ARNs hold "local" where AWS has a region and an account.
	SourceARN *regexp.Regexp
	// Invoke, when set, runs a function for Invoke: it gets the function,
	// its zip and the payload, and returns the answer and whether the
	// function failed (Lambda's "Unhandled" FunctionError).
	Invoke func(fn Invocation) (payload []byte, failed bool, err error)

	refused map[string]int
}

// Invocation is one call of a function through Invoke.
type Invocation struct {
	Name, Handler, Runtime string
	Env                    map[string]string
	Zip                    []byte
	Payload                []byte
}

type fnRec struct {
	cfg types.FunctionConfiguration
	zip []byte
	// policy holds the resource policy's statements in the order added.
	policy []statement
	// settling says the function is Pending or InProgress and the next
	// read finds it done.
	settling bool
}

type statement struct {
	Sid       string
	Effect    string
	Principal map[string]string
	Action    string
	Resource  string
	Condition map[string]map[string]string `json:",omitempty"`
}

// Register adds Lambda to s; functions get ARNs in region and account.
func Register(s *awsfake.Server, region, account string) *Fake {
	f := &Fake{Server: s, Region: region, Account: account, SourceARN: sourceARN, refused: map[string]int{}}
	sv := s.RESTService("lambda")
	awsfake.RESTOp(sv, "CreateFunction", "POST /2015-03-31/functions", http.StatusCreated, f.createFunction)
	awsfake.RESTOp(sv, "GetFunction", "GET /2015-03-31/functions/{FunctionName}", http.StatusOK, f.getFunction)
	awsfake.RESTOp(sv, "UpdateFunctionCode", "PUT /2015-03-31/functions/{FunctionName}/code", http.StatusOK, f.updateFunctionCode)
	awsfake.RESTOp(sv, "UpdateFunctionConfiguration", "PUT /2015-03-31/functions/{FunctionName}/configuration", http.StatusOK, f.updateFunctionConfiguration)
	awsfake.RESTOp(sv, "DeleteFunction", "DELETE /2015-03-31/functions/{FunctionName}", http.StatusNoContent, f.deleteFunction)
	awsfake.RESTOp(sv, "AddPermission", "POST /2015-03-31/functions/{FunctionName}/policy", http.StatusCreated, f.addPermission)
	awsfake.RESTOp(sv, "GetPolicy", "GET /2015-03-31/functions/{FunctionName}/policy", http.StatusOK, f.getPolicy)
	awsfake.RESTOp(sv, "RemovePermission", "DELETE /2015-03-31/functions/{FunctionName}/policy/{StatementId}", http.StatusNoContent, f.removePermission)
	awsfake.RESTOp(sv, "TagResource", "POST /2017-03-31/tags/{Resource}", http.StatusNoContent, f.tagResource)
	awsfake.RESTHandle(sv, "Invoke", "POST /2015-03-31/functions/{FunctionName}/invocations", f.invoke)
	return f
}

// Patterns and limits from the API reference.
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
// https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html
var (
	functionName = regexp.MustCompile(`^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$`)
	roleARN      = regexp.MustCompile(`^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$`)
	handler      = regexp.MustCompile(`^[^\s]+$`)
	envKey       = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9_])+$`)
	statementID  = regexp.MustCompile(`^([a-zA-Z0-9-_]+)$`)
	action       = regexp.MustCompile(`^(lambda:[*]|lambda:[a-zA-Z]+|[*])$`)
	account      = regexp.MustCompile(`^\d{12}$`)
	sourceARN    = regexp.MustCompile(`^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$`)
)

// EmulatorSourceARN is the SourceArn pattern for a fake paired with
// cognito-local, whose pool ARNs hold "local" where AWS has a region and
// an account (arn:aws:cognito-idp:local:local:userpool/local_x).
var EmulatorSourceARN = regexp.MustCompile(`^arn:aws:cognito-idp:[a-z0-9-]+:[a-z0-9]+:userpool/.+$`)

// The limit on a function's environment variables, all together.
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
const maxEnv = 4 << 10

func validation(member, value, constraint string) error {
	return awsfake.Errorf("ValidationException", "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

func invalid(format string, args ...any) error {
	return awsfake.Errorf("InvalidParameterValueException", format, args...)
}

func conflict(format string, args ...any) error {
	return &awsfake.Error{Status: 409, Code: "ResourceConflictException", Message: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &awsfake.Error{Status: 404, Code: "ResourceNotFoundException", Message: fmt.Sprintf(format, args...)}
}

func (f *Fake) arn(name string) string {
	return fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", f.Region, f.Account, name)
}

// function finds a function by name or ARN.
func (f *Fake) function(ref *string) (*awsfake.Item, *fnRec, error) {
	r := aws.ToString(ref)
	m := functionName.FindStringSubmatch(r)
	if m == nil {
		return nil, nil, validation("functionName", r, "Member must satisfy regular expression pattern: "+functionName.String())
	}
	return awsfake.Find[*fnRec](f.Server.Store, typeFunction, m[7], notFound("Function not found: %s", f.arn(m[7])))
}

// checkRole refuses a role Lambda could not assume: unknown to IAM, not
// trusting lambda.amazonaws.com, or too new (RoleDelay).
func (f *Fake) checkRole(arn string) error {
	if !roleARN.MatchString(arn) {
		return validation("role", arn, "Member must satisfy regular expression pattern: "+roleARN.String())
	}
	doc, ok := iamfake.TrustPolicy(f.Server.Store, arn)
	if !ok || !trustsLambda(doc) || f.refused[arn] < f.RoleDelay {
		f.refused[arn]++
		return invalid("The role defined for the function cannot be assumed by Lambda.")
	}
	return nil
}

// trustsLambda reports whether a trust policy lets lambda.amazonaws.com
// call sts:AssumeRole.
func trustsLambda(doc string) bool {
	var p struct {
		Statement []struct {
			Effect    string
			Principal struct{ Service any }
			Action    any
		}
	}
	if json.Unmarshal([]byte(doc), &p) != nil {
		return false
	}
	has := func(v any, want string) bool {
		switch x := v.(type) {
		case string:
			return x == want
		case []any:
			return slices.Contains(x, any(want))
		}
		return false
	}
	for _, s := range p.Statement {
		if s.Effect == "Allow" && has(s.Principal.Service, "lambda.amazonaws.com") && has(s.Action, "sts:AssumeRole") {
			return true
		}
	}
	return false
}

// checkConfig validates what CreateFunction and UpdateFunctionConfiguration share.
func checkConfig(runtime types.Runtime, handlerName *string, env *types.Environment, timeout *int32) error {
	if runtime != "" && !slices.Contains(runtime.Values(), runtime) {
		return validation("runtime", string(runtime), "Member must satisfy enum value set")
	}
	if h := aws.ToString(handlerName); handlerName != nil && (!handler.MatchString(h) || len(h) > 128) {
		return validation("handler", h, "Member must satisfy regular expression pattern: [^\\s]+")
	}
	if t := aws.ToInt32(timeout); timeout != nil && (t < 1 || t > 900) {
		return validation("timeout", fmt.Sprint(t), "Member must have value between 1 and 900")
	}
	if env != nil {
		size := 0
		for k, v := range env.Variables {
			if !envKey.MatchString(k) {
				return validation("environment.variables", k, "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+")
			}
			size += len(k) + len(v)
		}
		if size > maxEnv {
			return invalid("Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: %d", size)
		}
	}
	return nil
}

// checkZip refuses a package that is not a zip file.
func checkZip(b []byte) error {
	if len(b) == 0 {
		return invalid("Please provide a source for function code.")
	}
	if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
		return invalid("Could not unzip uploaded file. Please check your file, then try to upload again.")
	}
	return nil
}

func codeSHA(b []byte) string {
	sum := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// touch records a change: a new revision, a new date.
func (f *Fake) touch(r *fnRec) {
	s := f.Server.Store
	r.cfg.RevisionId = aws.String(fmt.Sprintf("00000000-0000-0000-0000-%012d", s.Next()))
	r.cfg.LastModified = aws.String(s.Now().Format("2006-01-02T15:04:05.000-0700"))
}

func (f *Fake) createFunction(in *lambda.CreateFunctionInput) (*types.FunctionConfiguration, error) {
	name := aws.ToString(in.FunctionName)
	if m := functionName.FindStringSubmatch(name); m == nil || len(m[7]) > 64 {
		return nil, validation("functionName", name, "Member must have length less than or equal to 64 and satisfy regular expression pattern: [a-zA-Z0-9-_]+")
	} else {
		name = m[7]
	}
	if in.Runtime == "" || in.Handler == nil {
		return nil, invalid("Runtime and Handler are mandatory parameters for functions created with deployment packages.")
	}
	if err := checkConfig(in.Runtime, in.Handler, in.Environment, in.Timeout); err != nil {
		return nil, err
	}
	if in.Code == nil {
		return nil, invalid("Please provide a source for function code.")
	}
	if err := checkZip(in.Code.ZipFile); err != nil {
		return nil, err
	}
	if len(in.Tags) > 50 {
		return nil, invalid("Number of tags exceeds resource tag limit.")
	}
	if err := f.checkRole(aws.ToString(in.Role)); err != nil {
		return nil, err
	}
	s := f.Server.Store
	if _, ok := s.Get(typeFunction, name); ok {
		return nil, conflict("Function already exist: %s", name)
	}
	cfg := types.FunctionConfiguration{
		FunctionName: aws.String(name), FunctionArn: aws.String(f.arn(name)), Runtime: in.Runtime, Role: in.Role,
		Handler: in.Handler, Description: aws.String(aws.ToString(in.Description)), Timeout: aws.Int32(3), MemorySize: aws.Int32(128),
		CodeSize: int64(len(in.Code.ZipFile)), CodeSha256: aws.String(codeSHA(in.Code.ZipFile)), Version: aws.String("$LATEST"),
		PackageType: types.PackageTypeZip, Architectures: []types.Architecture{types.ArchitectureX8664},
		State: types.StatePending, StateReason: aws.String("The function is being created."), StateReasonCode: types.StateReasonCodeCreating,
	}
	if in.Timeout != nil {
		cfg.Timeout = in.Timeout
	}
	if in.Environment != nil {
		cfg.Environment = &types.EnvironmentResponse{Variables: maps.Clone(in.Environment.Variables)}
	}
	r := &fnRec{cfg: cfg, zip: in.Code.ZipFile, settling: true}
	f.touch(r)
	it := &awsfake.Item{Type: typeFunction, ID: name, ARN: f.arn(name), Value: r}
	it.SetTags(in.Tags)
	s.Put(it)
	// The answer is the function's configuration.
	out := r.cfg
	return &out, nil
}

// read returns the configuration as a reader sees it now, and moves a
// changing function on: Pending becomes Active, InProgress Successful.
func (r *fnRec) read() types.FunctionConfiguration {
	cfg := r.cfg
	if r.settling {
		r.settling = false
		if r.cfg.State == types.StatePending {
			r.cfg.State, r.cfg.StateReason, r.cfg.StateReasonCode = types.StateActive, nil, ""
		}
		if r.cfg.LastUpdateStatus == types.LastUpdateStatusInProgress {
			r.cfg.LastUpdateStatus, r.cfg.LastUpdateStatusReason, r.cfg.LastUpdateStatusReasonCode = types.LastUpdateStatusSuccessful, nil, ""
		}
	}
	return cfg
}

func (f *Fake) getFunction(in *lambda.GetFunctionInput) (*lambda.GetFunctionOutput, error) {
	it, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	cfg := r.read()
	return &lambda.GetFunctionOutput{
		Configuration: &cfg,
		Code:          &types.FunctionCodeLocation{RepositoryType: aws.String("S3"), Location: aws.String("https://awslambda-" + f.Region + "-tasks.s3." + f.Region + ".amazonaws.com/snapshots/" + f.Account + "/" + it.ID)},
		Tags:          maps.Clone(it.Tags),
	}, nil
}

// busy refuses a change while the function is still changing.
func busy(r *fnRec) error {
	switch {
	case r.cfg.State == types.StatePending:
		return conflict("The operation cannot be performed at this time. The function is currently in the following state: Pending")
	case r.cfg.LastUpdateStatus == types.LastUpdateStatusInProgress:
		return conflict("The operation cannot be performed at this time. An update is in progress for resource: %s", aws.ToString(r.cfg.FunctionArn))
	}
	return nil
}

func (r *fnRec) updating() {
	r.cfg.LastUpdateStatus = types.LastUpdateStatusInProgress
	r.cfg.LastUpdateStatusReason = aws.String("The function is being updated.")
	r.cfg.LastUpdateStatusReasonCode = ""
	r.settling = true
}

func (f *Fake) updateFunctionCode(in *lambda.UpdateFunctionCodeInput) (*types.FunctionConfiguration, error) {
	_, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	if err := checkZip(in.ZipFile); err != nil {
		return nil, err
	}
	if err := busy(r); err != nil {
		return nil, err
	}
	r.zip = in.ZipFile
	r.cfg.CodeSha256, r.cfg.CodeSize = aws.String(codeSHA(in.ZipFile)), int64(len(in.ZipFile))
	r.updating()
	f.touch(r)
	// The answer is the function's configuration.
	cfg := r.cfg
	return &cfg, nil
}

func (f *Fake) updateFunctionConfiguration(in *lambda.UpdateFunctionConfigurationInput) (*types.FunctionConfiguration, error) {
	_, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	if err := checkConfig(in.Runtime, in.Handler, in.Environment, in.Timeout); err != nil {
		return nil, err
	}
	if in.Role != nil && aws.ToString(in.Role) != aws.ToString(r.cfg.Role) {
		if err := f.checkRole(aws.ToString(in.Role)); err != nil {
			return nil, err
		}
	}
	if err := busy(r); err != nil {
		return nil, err
	}
	c := &r.cfg
	if in.Runtime != "" {
		c.Runtime = in.Runtime
	}
	for _, p := range []struct {
		dst **string
		src *string
	}{{&c.Handler, in.Handler}, {&c.Role, in.Role}, {&c.Description, in.Description}} {
		if p.src != nil {
			*p.dst = p.src
		}
	}
	if in.Timeout != nil {
		c.Timeout = in.Timeout
	}
	if in.Environment != nil {
		// The variables sent replace all of them.
		c.Environment = &types.EnvironmentResponse{Variables: maps.Clone(in.Environment.Variables)}
	}
	r.updating()
	f.touch(r)
	// The answer is the function's configuration.
	cfg := r.cfg
	return &cfg, nil
}

func (f *Fake) deleteFunction(in *lambda.DeleteFunctionInput) (*lambda.DeleteFunctionOutput, error) {
	it, _, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	f.Server.Store.Delete(typeFunction, it.ID)
	return &lambda.DeleteFunctionOutput{}, nil
}

func (f *Fake) addPermission(in *lambda.AddPermissionInput) (*lambda.AddPermissionOutput, error) {
	it, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	sid := aws.ToString(in.StatementId)
	if !statementID.MatchString(sid) || len(sid) > 100 {
		return nil, validation("statementId", sid, "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)")
	}
	if !action.MatchString(aws.ToString(in.Action)) {
		return nil, validation("action", aws.ToString(in.Action), "Member must satisfy regular expression pattern: "+action.String())
	}
	if p := aws.ToString(in.Principal); p == "" || strings.ContainsAny(p, " \t\n") {
		return nil, validation("principal", p, "Member must satisfy regular expression pattern: [^\\s]+")
	}
	st := statement{Sid: sid, Effect: "Allow", Principal: map[string]string{"Service": aws.ToString(in.Principal)}, Action: aws.ToString(in.Action), Resource: it.ARN}
	if in.SourceArn != nil {
		if !f.SourceARN.MatchString(*in.SourceArn) {
			return nil, validation("sourceArn", *in.SourceArn, "Member must satisfy regular expression pattern: "+sourceARN.String())
		}
		st.Condition = map[string]map[string]string{"ArnLike": {"AWS:SourceArn": *in.SourceArn}}
	}
	if in.SourceAccount != nil {
		if !account.MatchString(*in.SourceAccount) {
			return nil, validation("sourceAccount", *in.SourceAccount, "Member must satisfy regular expression pattern: \\d{12}")
		}
		if st.Condition == nil {
			st.Condition = map[string]map[string]string{}
		}
		st.Condition["StringEquals"] = map[string]string{"AWS:SourceAccount": *in.SourceAccount}
	}
	for _, have := range r.policy {
		if have.Sid == sid {
			return nil, conflict("The statement id (%s) provided already exists. Please provide a new statement id, or remove the existing statement.", sid)
		}
	}
	r.policy = append(r.policy, st)
	b, _ := json.Marshal(st)
	return &lambda.AddPermissionOutput{Statement: aws.String(string(b))}, nil
}

// getPolicy answers the resource policy as a JSON string.
// https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
func (f *Fake) getPolicy(in *lambda.GetPolicyInput) (*lambda.GetPolicyOutput, error) {
	_, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	if len(r.policy) == 0 {
		return nil, notFound("The resource you requested does not exist.")
	}
	b, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Id": "default", "Statement": r.policy})
	return &lambda.GetPolicyOutput{Policy: aws.String(string(b)), RevisionId: r.cfg.RevisionId}, nil
}

func (f *Fake) removePermission(in *lambda.RemovePermissionInput) (*lambda.RemovePermissionOutput, error) {
	_, r, err := f.function(in.FunctionName)
	if err != nil {
		return nil, err
	}
	sid := aws.ToString(in.StatementId)
	i := slices.IndexFunc(r.policy, func(s statement) bool { return s.Sid == sid })
	if i < 0 {
		return nil, notFound("Statement %s is not found in resource policy.", sid)
	}
	r.policy = slices.Delete(r.policy, i, i+1)
	return &lambda.RemovePermissionOutput{}, nil
}

func (f *Fake) tagResource(in *lambda.TagResourceInput) (*lambda.TagResourceOutput, error) {
	it, ok := f.Server.Store.ByARN(aws.ToString(in.Resource))
	if !ok || it.Type != typeFunction {
		return nil, notFound("Function not found: %s", aws.ToString(in.Resource))
	}
	if err := it.AddTags(in.Tags, 50, invalid("Number of tags exceeds resource tag limit.")); err != nil {
		return nil, err
	}
	return &lambda.TagResourceOutput{}, nil
}

// invoke runs the function through Invoke: the request body is the
// event, the answer body the result; a function that failed answers 200
// with X-Amz-Function-Error: Unhandled and the error as the payload.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
func (f *Fake) invoke(w http.ResponseWriter, req *http.Request) {
	name := req.PathValue("FunctionName")
	_, r, err := f.function(&name)
	if err != nil {
		awsfake.WriteRESTError(w, err)
		return
	}
	if f.Invoke == nil {
		awsfake.WriteRESTError(w, &awsfake.Error{Status: 500, Code: "ServiceException", Message: "the fake runs no functions: set Fake.Invoke"})
		return
	}
	payload, err := io.ReadAll(req.Body)
	if err != nil {
		awsfake.WriteRESTError(w, err)
		return
	}
	cfg := r.read()
	inv := Invocation{Name: name, Handler: aws.ToString(cfg.Handler), Runtime: string(cfg.Runtime), Zip: r.zip, Payload: payload, Env: map[string]string{}}
	if cfg.Environment != nil {
		inv.Env = maps.Clone(cfg.Environment.Variables)
	}
	// The function runs without the server's lock: it may call other
	// services of this same fake.
	f.Server.Unlocked(func() {
		payload, failed, err := f.Invoke(inv)
		if err != nil {
			awsfake.WriteRESTError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amz-Executed-Version", "$LATEST")
		if failed {
			w.Header().Set("X-Amz-Function-Error", "Unhandled")
		}
		_, _ = w.Write(payload)
	})
}

// FunctionNames lists the functions in creation order.
func (f *Fake) FunctionNames() []string { return f.Server.IDs(typeFunction) }

// Configuration returns a function's configuration and tags as stored,
// for tests (nil when there is no such function).
func (f *Fake) Configuration(name string) (*types.FunctionConfiguration, map[string]string) {
	var cfg *types.FunctionConfiguration
	var tags map[string]string
	f.Server.Lock(func(s *awsfake.Store) {
		if it, ok := s.Get(typeFunction, name); ok {
			c := it.Value.(*fnRec).cfg
			cfg, tags = &c, maps.Clone(it.Tags)
		}
	})
	return cfg, tags
}

// Policy returns a function's resource policy statements as JSON, for tests.
func (f *Fake) Policy(name string) string {
	var out string
	f.Server.Lock(func(s *awsfake.Store) {
		if it, ok := s.Get(typeFunction, name); ok {
			b, _ := json.Marshal(it.Value.(*fnRec).policy)
			out = string(b)
		}
	})
	return out
}

// Zip returns a function's deployment package, for tests.
func (f *Fake) Zip(name string) []byte {
	var out []byte
	f.Server.Lock(func(s *awsfake.Store) {
		if it, ok := s.Get(typeFunction, name); ok {
			out = it.Value.(*fnRec).zip
		}
	})
	return out
}
