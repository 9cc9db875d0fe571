package awsfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
)

// The REST-JSON protocol (Lambda's restJson1): each operation is an HTTP
// method and a path template such as
// POST /2015-03-31/functions/{FunctionName}/policy; members bound to the
// path are taken from it, the others travel as a JSON body; the answer is
// the output as JSON with the operation's own success status, an error
// the X-Amzn-ErrorType header and {"message": ...}.
// https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html

// routes names REST requests for every Transport: the pattern an
// operation was registered with, matched the way the Server matches it.
var routes = struct {
	sync.Mutex
	mux   *http.ServeMux
	names map[string][2]string // pattern → service, operation
}{mux: http.NewServeMux(), names: map[string][2]string{}}

func nameRoute(pattern, service, op string) {
	routes.Lock()
	defer routes.Unlock()
	if _, ok := routes.names[pattern]; ok {
		return
	}
	routes.names[pattern] = [2]string{service, op}
	routes.mux.HandleFunc(pattern, func(http.ResponseWriter, *http.Request) {})
}

// restOp names a REST request by the operation registered for its method
// and path, if any.
func restOp(req *http.Request) (service, op string, ok bool) {
	routes.Lock()
	defer routes.Unlock()
	_, pattern := routes.mux.Handler(req)
	n, ok := routes.names[pattern]
	return n[0], n[1], ok
}

// RESTService is the operations of one REST-JSON service.
type RESTService struct {
	name string
	s    *Server
}

// RESTService returns the REST service called name (for recorded calls:
// "lambda").
func (s *Server) RESTService(name string) *RESTService { return &RESTService{name: name, s: s} }

// RESTOp registers the adapter of one operation at pattern (method and
// path template, http.ServeMux syntax, each {Label} named after the input
// member it fills) answering status on success. The input is the JSON
// body with the path's members set; the output is written as JSON.
func RESTOp[In, Out any](sv *RESTService, op, pattern string, status int, fn func(*In) (*Out, error)) {
	RESTHandle(sv, op, pattern, func(w http.ResponseWriter, r *http.Request) {
		in := new(In)
		if err := decodeREST(r, in); err != nil {
			WriteRESTError(w, err)
			return
		}
		out, err := fn(in)
		if err != nil {
			WriteRESTError(w, err)
			return
		}
		b, err := json.Marshal(Encode(out))
		if err != nil {
			WriteRESTError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if status != http.StatusNoContent {
			_, _ = w.Write(b)
		}
	})
}

// RESTHandle registers a handler of its own for an operation whose
// request or answer is not a JSON document (Lambda's Invoke: the payload
// is the body).
func RESTHandle(sv *RESTService, op, pattern string, h http.HandlerFunc) {
	nameRoute(pattern, sv.name, op)
	sv.s.HandleHTTP(pattern, h)
}

// decodeREST reads the JSON body into in, then the path's labels into
// the members of the same name.
func decodeREST(r *http.Request, in any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return &Error{Status: 400, Code: "SerializationException", Message: err.Error()}
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, in); err != nil {
			return &Error{Status: 400, Code: "SerializationException", Message: err.Error()}
		}
	}
	v := reflect.ValueOf(in).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		val := r.PathValue(f.Name)
		if !f.IsExported() || val == "" {
			continue
		}
		switch fv := v.Field(i); {
		case fv.Kind() == reflect.String:
			fv.SetString(val)
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.String:
			fv.Set(reflect.ValueOf(&val))
		default:
			return fmt.Errorf("path label %s: member of kind %s", f.Name, fv.Kind())
		}
	}
	return nil
}

// WriteRESTError writes restJson1's error shape; the SDK reads the code
// from X-Amzn-ErrorType.
func WriteRESTError(w http.ResponseWriter, err error) {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Status: 500, Code: "ServiceException", Message: err.Error()}
	}
	kind := "User"
	if e.Status >= 500 {
		kind = "Service"
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", e.Code)
	w.WriteHeader(e.Status)
	b, _ := json.Marshal(map[string]string{"Type": kind, "message": e.Message})
	_, _ = w.Write(b)
}

// Unlocked runs f with the server's lock released. Only a handler may
// call it, for work that waits on other requests to this same server (a
// Lambda function the fake runs may call Cognito here).
func (s *Server) Unlocked(f func()) {
	s.mu.Unlock()
	defer s.mu.Lock()
	f()
}
