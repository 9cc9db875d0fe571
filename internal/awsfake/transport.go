package awsfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"syscall"
)

// Call is one HTTP request an SDK client sent (every attempt is a call of
// its own), as it went on the wire.
type Call struct {
	// Service is the X-Amz-Target prefix (AWSCognitoIdentityProviderService),
	// the name of a REST service with an operation registered for the
	// request's method and path (Op is then that operation), or the path.
	Service string `json:"-"`
	Op      string `json:"op"`
	// Input is the request body.
	Input json.RawMessage `json:"input"`
	// Fault is the fault injected into this call, if any.
	Fault Fault `json:"-"`
	// form is the request of a query protocol call (IAM), whose Input is
	// its members as nested JSON strings.
	form url.Values
}

// Decode reads the request into v (an SDK input type: its Go names are the
// wire names), from JSON or, for a query protocol call, from the form.
func (c Call) Decode(v any) error {
	if c.form != nil {
		return DecodeQuery(c.form, v)
	}
	return json.Unmarshal(c.Input, v)
}

// Fault is what the Transport does to a call instead of passing it on.
type Fault int

// Faults, named after what the server did and what came back.
const (
	NoFault Fault = iota
	// LoseReply passes the request on (the server applies it) and then
	// reports a reset connection instead of the answer.
	LoseReply
	// Fail500Applied and Fail503Applied pass the request on and answer
	// 500/503 instead of the server's answer.
	Fail500Applied
	Fail503Applied
	// Fail500 and Fail503 answer 500/503 without passing the request on.
	Fail500
	Fail503
	// Throttle answers 400 TooManyRequestsException without passing it on.
	Throttle
	// StallApplied passes the request on and then never answers; Stall
	// never passes it on nor answers. Both end only when the client gives up.
	StallApplied
	Stall
)

// Faults lists every fault, for tests that try each.
var Faults = []Fault{LoseReply, Fail500Applied, Fail503Applied, Fail500, Fail503, Throttle, StallApplied, Stall}

func (f Fault) String() string {
	return [...]string{"none", "lost reply", "500 applied", "503 applied", "500", "503", "throttle", "stall applied", "stall"}[f]
}

// Applied reports whether the server sees the request under f.
func (f Fault) Applied() bool {
	return f == NoFault || f == LoseReply || f == Fail500Applied || f == Fail503Applied || f == StallApplied
}

// Transport records every request made through it and injects faults. It
// sits between an SDK client and its endpoint (the fake, or cognito-local):
// pass Wrap as the client's transport wrapper.
type Transport struct {
	// Fault, when set, is asked for every call with the number of earlier
	// calls of the same operation; a fault other than NoFault replaces the
	// normal exchange.
	Fault func(c Call, n int) Fault

	base  http.RoundTripper
	mu    sync.Mutex
	calls []Call
}

// NewTransport returns a Transport; Wrap gives it the base transport.
func NewTransport() *Transport { return &Transport{} }

// Wrap makes t send through base; it returns t.
func (t *Transport) Wrap(base http.RoundTripper) http.RoundTripper {
	t.base = base
	return t
}

// RoundTrip records the request and passes it on, unless a fault says otherwise.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	c := Call{Service: req.URL.Path, Op: req.URL.Path, Input: json.RawMessage(body)}
	if target := req.Header.Get("X-Amz-Target"); target != "" {
		c.Service, c.Op, _ = strings.Cut(target, ".")
	} else if svc, op, ok := restOp(req); ok {
		c.Service, c.Op = svc, op
	} else if isQuery(req) {
		if form, err := url.ParseQuery(string(body)); err == nil {
			c.form = form
			c.Service, c.Op, c.Input = "query:"+form.Get("Version"), form.Get("Action"), queryTree(form)
		}
	}
	if !json.Valid(c.Input) {
		c.Input, _ = json.Marshal(string(body))
	}
	t.mu.Lock()
	n := 0
	for _, p := range t.calls {
		if p.Op == c.Op {
			n++
		}
	}
	fault := t.Fault
	t.mu.Unlock()
	if fault != nil {
		c.Fault = fault(c, n)
	}
	t.mu.Lock()
	t.calls = append(t.calls, c)
	t.mu.Unlock()

	if c.Fault.Applied() {
		resp, err := t.base.RoundTrip(req)
		if err != nil || c.Fault == NoFault {
			return resp, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	errorResponse := errorResponse
	throttled := "TooManyRequestsException"
	if c.form != nil {
		// IAM's own codes for the same answers.
		// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
		errorResponse, throttled = queryErrorResponse, "Throttling"
	}
	switch c.Fault {
	case LoseReply:
		return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	case Fail500, Fail500Applied:
		return errorResponse(req, 500, "InternalErrorException", "injected: internal error"), nil
	case Fail503, Fail503Applied:
		return errorResponse(req, 503, "ServiceUnavailable", "injected: service unavailable"), nil
	case Throttle:
		return errorResponse(req, 400, throttled, "injected: too many requests"), nil
	case Stall, StallApplied:
		<-req.Context().Done()
		return nil, req.Context().Err()
	}
	return nil, fmt.Errorf("unknown fault %d", c.Fault)
}

func errorResponse(req *http.Request, status int, code, msg string) *http.Response {
	b, _ := json.Marshal(map[string]string{"__type": code, "message": msg})
	h := http.Header{}
	h.Set("Content-Type", "application/x-amz-json-1.1")
	h.Set("X-Amzn-ErrorType", code)
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Body: io.NopCloser(bytes.NewReader(b)),
		ContentLength: int64(len(b)), Request: req, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
}

func queryErrorResponse(req *http.Request, status int, code, msg string) *http.Response {
	rec := httptest.NewRecorder()
	writeQueryError(rec, &Error{Status: status, Code: code, Message: msg})
	resp := rec.Result()
	resp.Request = req
	return resp
}

// Once returns a Fault function that injects f into the nth call (from 0)
// of op, and passes everything else.
func Once(op string, nth int, f Fault) func(Call, int) Fault {
	return func(c Call, n int) Fault {
		if c.Op == op && n == nth {
			return f
		}
		return NoFault
	}
}

// Calls returns every recorded call in order.
func (t *Transport) Calls() []Call {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Call(nil), t.calls...)
}

// Writes returns the recorded calls that change something.
func (t *Transport) Writes() []Call {
	var out []Call
	for _, c := range t.Calls() {
		if IsWrite(c.Op) {
			out = append(out, c)
		}
	}
	return out
}

// Ops returns the operation names of the recorded calls in order.
func (t *Transport) Ops() []string {
	var out []string
	for _, c := range t.Calls() {
		out = append(out, c.Op)
	}
	return out
}

// Count returns how many calls of op were recorded.
func (t *Transport) Count(op string) int {
	n := 0
	for _, c := range t.Calls() {
		if c.Op == op {
			n++
		}
	}
	return n
}

// Reset forgets the recorded calls.
func (t *Transport) Reset() {
	t.mu.Lock()
	t.calls = nil
	t.mu.Unlock()
}

// IsWrite reports whether an operation changes state: anything but the
// Describe, Get and List calls.
func IsWrite(op string) bool {
	for _, p := range []string{"Describe", "Get", "List", "AdminGet", "AdminList"} {
		if strings.HasPrefix(op, p) {
			return false
		}
	}
	return true
}

// JSON renders calls as indented JSON, the format of golden files. Keys
// are sorted: the SDK writes map members in Go's random map order.
func JSON(calls []Call) ([]byte, error) {
	sorted := make([]Call, len(calls))
	for i, c := range calls {
		dec := json.NewDecoder(bytes.NewReader(c.Input))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		in, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		sorted[i] = c
		sorted[i].Input = in
	}
	b, err := json.MarshalIndent(sorted, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
