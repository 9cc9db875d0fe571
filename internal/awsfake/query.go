package awsfake

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The AWS Query protocol (IAM, STS): the request is a form
// (Action=CreateRole&Version=2010-05-08&RoleName=...&Tags.member.1.Key=...),
// the answer XML (<CreateRoleResponse><CreateRoleResult>...), an error
// <ErrorResponse><Error><Code>...
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html

// QueryService is the operations of one query service, by Action.
type QueryService struct {
	version   string
	namespace string
	ops       map[string]func(url.Values) (any, error)
}

// QueryService returns the query service whose requests carry
// Version=version (IAM: 2010-05-08); namespace is its XML namespace.
func (s *Server) QueryService(version, namespace string) *QueryService {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.query == nil {
		s.query = map[string]*QueryService{}
	}
	sv, ok := s.query[version]
	if !ok {
		sv = &QueryService{version: version, namespace: namespace, ops: map[string]func(url.Values) (any, error){}}
		s.query[version] = sv
	}
	return sv
}

// QueryOp registers the adapter of one query operation: it gets the form
// decoded into the SDK's input type and returns the output, which is
// written as <ActionResponse><ActionResult>.
func QueryOp[In, Out any](sv *QueryService, action string, fn func(*In) (*Out, error)) {
	sv.ops[action] = func(form url.Values) (any, error) {
		in := new(In)
		if err := DecodeQuery(form, in); err != nil {
			return nil, &Error{Status: 400, Code: "MalformedQueryString", Message: err.Error()}
		}
		return fn(in)
	}
}

// isQuery reports whether r is a query protocol request.
func isQuery(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
}

func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeQueryError(w, &Error{Status: 400, Code: "MalformedQueryString", Message: err.Error()})
		return
	}
	action, version := r.PostForm.Get("Action"), r.PostForm.Get("Version")
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.query[version]
	var fn func(url.Values) (any, error)
	if sv != nil {
		fn = sv.ops[action]
	}
	if fn == nil {
		writeQueryError(w, &Error{Status: 400, Code: "InvalidAction", Message: fmt.Sprintf("%s (version %s) is not modelled by the fake", action, version)})
		return
	}
	out, err := fn(r.PostForm)
	if err != nil {
		writeQueryError(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%sResponse xmlns="%s"><%sResult>`, action, sv.namespace, action)
	writeXML(w, reflect.ValueOf(out))
	fmt.Fprintf(w, `</%sResult><ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></%sResponse>`, action, action)
}

// writeQueryError writes the query protocol's error shape, from which the
// SDK reads Code and Message.
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
func writeQueryError(w http.ResponseWriter, err error) {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Status: 500, Code: "ServiceFailure", Message: err.Error()}
	}
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(e.Status)
	kind := "Sender"
	if e.Status >= 500 {
		kind = "Receiver"
	}
	fmt.Fprintf(w, `<ErrorResponse><Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>fake-request</RequestId></ErrorResponse>`,
		kind, xmlText(e.Code), xmlText(e.Message))
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// writeXML writes the members of an SDK output value as XML elements
// named after the Go fields (the SDK names them after the wire members):
// lists as <member> elements, timestamps in ISO 8601, absent members left
// out, ResultMetadata dropped.
func writeXML(w interface{ Write([]byte) (int, error) }, v reflect.Value) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == timeType {
			_, _ = w.Write([]byte(v.Interface().(time.Time).UTC().Format("2006-01-02T15:04:05Z")))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" || !present(v.Field(i)) {
				continue
			}
			fmt.Fprintf(w, "<%s>", f.Name)
			writeXML(w, v.Field(i))
			fmt.Fprintf(w, "</%s>", f.Name)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			_, _ = w.Write([]byte("<member>"))
			writeXML(w, v.Index(i))
			_, _ = w.Write([]byte("</member>"))
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			fmt.Fprintf(w, "<entry><key>%s</key><value>", xmlText(k.String()))
			writeXML(w, v.MapIndex(k))
			_, _ = w.Write([]byte("</value></entry>"))
		}
	default:
		_, _ = w.Write([]byte(xmlText(fmt.Sprint(v.Interface()))))
	}
}

// present reports whether a member is sent: set pointers, lists and maps
// (even empty ones) and non-zero scalars, as in Encode.
func present(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return !v.IsNil()
	}
	return !v.IsZero()
}

// DecodeQuery reads a query form into an SDK input value: members by their
// Go names, lists as Name.member.N (a bare "Name=" is an empty list),
// maps as Name.entry.N.key / .value.
func DecodeQuery(form url.Values, v any) error {
	rv := reflect.ValueOf(v).Elem()
	for _, k := range memberKeys(form) {
		if err := setPath(rv, strings.Split(k, "."), form.Get(k)); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
	}
	return nil
}

// memberKeys are the form's keys but Action and Version, sorted.
func memberKeys(form url.Values) []string {
	keys := make([]string, 0, len(form))
	for k := range form {
		if k != "Action" && k != "Version" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func setPath(v reflect.Value, path []string, val string) error {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if len(path) == 0 {
		return setScalar(v, val)
	}
	switch v.Kind() {
	case reflect.Struct:
		f := v.FieldByName(path[0])
		if !f.IsValid() {
			return fmt.Errorf("no member %s", path[0])
		}
		return setPath(f, path[1:], val)
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		if len(path) < 2 || path[0] != "member" {
			return fmt.Errorf("a list member must be written .member.N")
		}
		n, err := strconv.Atoi(path[1])
		if err != nil || n < 1 {
			return fmt.Errorf("bad list index %q", path[1])
		}
		for v.Len() < n {
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		}
		return setPath(v.Index(n-1), path[2:], val)
	}
	return fmt.Errorf("cannot set %v below a %s", path, v.Kind())
}

func setScalar(v reflect.Value, val string) error {
	switch v.Kind() {
	case reflect.String:
		v.SetString(val)
	case reflect.Bool:
		b, err := strconv.ParseBool(val)
		if err != nil {
			return err
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Slice:
		// "Name=" with nothing after it: the empty list.
		if val != "" {
			return fmt.Errorf("a list member must be written .member.N")
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	default:
		return fmt.Errorf("cannot set a %s from the form", v.Kind())
	}
	return nil
}

// queryTree turns a form into nested JSON (lists for .member.N), so a
// recorded query call reads like a JSON one: {"RoleName": "...",
// "Tags": [{"Key": "...", "Value": "..."}]}. Every scalar stays a string.
func queryTree(form url.Values) json.RawMessage {
	root := map[string]any{}
	for _, k := range memberKeys(form) {
		root = treeSet(root, strings.Split(k, "."), form.Get(k)).(map[string]any)
	}
	b, _ := json.Marshal(listify(root))
	return b
}

func treeSet(node any, path []string, val string) any {
	if len(path) == 0 {
		return val
	}
	m, ok := node.(map[string]any)
	if !ok {
		m = map[string]any{}
	}
	m[path[0]] = treeSet(m[path[0]], path[1:], val)
	return m
}

// listify turns {"member": {"1": a, "2": b}} into [a, b] and an empty
// string where a list was sent empty stays "".
func listify(node any) any {
	m, ok := node.(map[string]any)
	if !ok {
		return node
	}
	if members, ok := m["member"].(map[string]any); ok && len(m) == 1 {
		out := make([]any, len(members))
		for k, v := range members {
			if i, err := strconv.Atoi(k); err == nil && i >= 1 && i <= len(out) {
				out[i-1] = listify(v)
			}
		}
		return out
	}
	for k, v := range m {
		m[k] = listify(v)
	}
	return m
}
