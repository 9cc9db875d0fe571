// Package awsfake stands in for AWS services in tests, at the HTTP level:
// real SDK clients reach it through BaseEndpoint, so what it receives is
// exactly what AWS would receive (the SDK's own serialisation, retries and
// typed errors), and one recording, fault-injecting Transport serves every
// service and the cognito-local emulator alike.
//
// It holds no service knowledge. A Server dispatches requests to per-service
// adapters (one small function per operation, registered with Op); a Store
// keeps their resources keyed by type and id, with tags and a parent; Error
// carries AWS-style errors that the SDK turns into its typed exceptions.
//
// Protocols: services speaking AWS JSON 1.0/1.1 (X-Amz-Target: Prefix.Op —
// Cognito user pools, Cognito identity pools, the Resource Groups Tagging
// API) register with Service/Op; query services (IAM: a form in, XML out)
// with QueryService/QueryOp; REST-JSON services (Lambda's restJson1) with
// RESTService/RESTOp. All share the same Store.
package awsfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Server is one fake AWS endpoint serving any number of services.
type Server struct {
	// Store holds every service's resources.
	Store *Store

	mu       sync.Mutex // one request at a time, as one consistent region
	services map[string]*Service
	query    map[string]*QueryService
	mux      *http.ServeMux
	hs       *httptest.Server
}

// Start runs a server on a loopback port until tb ends.
func Start(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{Store: NewStore(), services: map[string]*Service{}, mux: http.NewServeMux()}
	s.hs = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.hs.Close)
	return s
}

// URL is the endpoint to give the SDK as BaseEndpoint.
func (s *Server) URL() string { return s.hs.URL }

// Lock runs f with the server's lock held, so a test can look at or seed
// the Store between requests without racing one.
func (s *Server) Lock(f func(*Store)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s.Store)
}

// IDs lists the ids of the items of type typ in creation order, under the
// server's lock (for tests, while requests may be under way).
func (s *Server) IDs(typ string) []string {
	var ids []string
	s.Lock(func(st *Store) { ids = st.IDs(typ) })
	return ids
}

// Service is the operations of one AWS JSON service, by name.
type Service struct {
	prefix   string
	ops      map[string]func(body []byte) (any, error)
	disabled map[string]bool
}

// Service returns the service whose requests carry X-Amz-Target prefix
// (AWSCognitoIdentityProviderService, AWSCognitoIdentityService,
// ResourceGroupsTaggingAPI_20170126, ...), creating it on first use.
func (s *Server) Service(prefix string) *Service {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv, ok := s.services[prefix]
	if !ok {
		sv = &Service{prefix: prefix, ops: map[string]func([]byte) (any, error){}, disabled: map[string]bool{}}
		s.services[prefix] = sv
	}
	return sv
}

// Disable makes ops answer as an endpoint without them does (cognito-local:
// HTTP 500, code Unsupported), to test how callers cope with a partial
// endpoint.
func (sv *Service) Disable(ops ...string) {
	for _, op := range ops {
		sv.disabled[op] = true
	}
}

// HandleHTTP mounts h for requests without an X-Amz-Target header whose
// path matches pattern (http.ServeMux syntax): REST and query services.
func (s *Server) HandleHTTP(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// Op registers the adapter of one operation: it gets the decoded request
// and returns the output (encoded as AWS JSON) or an error (an *Error
// becomes AWS's error shape; anything else a 500).
func Op[In, Out any](sv *Service, name string, fn func(*In) (*Out, error)) {
	sv.ops[name] = func(body []byte) (any, error) {
		in := new(In)
		if len(body) > 0 {
			if err := json.Unmarshal(body, in); err != nil {
				return nil, &Error{Status: 400, Code: "SerializationException", Message: err.Error()}
			}
		}
		return fn(in)
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	if target == "" && isQuery(r) {
		s.serveQuery(w, r)
		return
	}
	if target == "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, &Error{Status: 400, Code: "SerializationException", Message: err.Error()})
		return
	}
	prefix, op, _ := strings.Cut(target, ".")
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.services[prefix]
	var fn func([]byte) (any, error)
	if sv != nil {
		fn = sv.ops[op]
		if sv.disabled[op] {
			writeError(w, &Error{Status: 500, Code: "CognitoLocal#Unsupported", Message: op + " is not supported by this endpoint"})
			return
		}
	}
	if fn == nil {
		writeError(w, &Error{Status: 400, Code: "UnknownOperationException", Message: fmt.Sprintf("%s is not modelled by the fake", target)})
		return
	}
	out, err := fn(body)
	if err != nil {
		writeError(w, err)
		return
	}
	b, err := json.Marshal(Encode(out))
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_, _ = w.Write(b)
}

// Error is an AWS error response. Code is the exception name the SDK maps
// to its typed error (ResourceNotFoundException → *types.ResourceNotFoundException).
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf builds a client error (HTTP 400) with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Status: 400, Code: code, Message: fmt.Sprintf(format, args...)}
}

// writeError writes AWS JSON's error shape; the SDK reads the code from
// X-Amzn-ErrorType and __type.
// https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization
func writeError(w http.ResponseWriter, err error) {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Status: 500, Code: "InternalErrorException", Message: err.Error()}
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", e.Code)
	w.WriteHeader(e.Status)
	b, _ := json.Marshal(map[string]string{"__type": e.Code, "message": e.Message})
	_, _ = w.Write(b)
}
