package awsfake

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A tiny JSON service over the store: Put creates a "thing", Count counts them.
type putIn struct{ Name string }
type putOut struct {
	ID      string
	Created *time.Time
	Size    *int32
	Empty   int32
}
type countIn struct{}
type countOut struct{ N int }

func startThings(t *testing.T) *Server {
	t.Helper()
	s := Start(t)
	sv := s.Service("Things_2026")
	Op(sv, "Put", func(in *putIn) (*putOut, error) {
		if in.Name == "" {
			return nil, Errorf("InvalidParameterException", "Name is required")
		}
		id := "thing-" + in.Name
		s.Store.Put(&Item{Type: "thing", ID: id, Value: in})
		created := time.Date(2026, 1, 2, 3, 4, 5, 500e6, time.UTC)
		zero := int32(0)
		return &putOut{ID: id, Created: &created, Size: &zero}, nil
	})
	Op(sv, "Count", func(*countIn) (*countOut, error) { return &countOut{N: len(s.Store.IDs("thing"))}, nil })
	return s
}

func call(t *testing.T, c *http.Client, url, op, body string) (int, map[string]any, error) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "Things_2026."+op)
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: not JSON: %s", op, b)
	}
	return resp.StatusCode, m, nil
}

func count(t *testing.T, s *Server) int { return len(s.IDs("thing")) }

func TestServerEncodesAWSJSON(t *testing.T) {
	t.Parallel()
	s := startThings(t)
	status, out, err := call(t, http.DefaultClient, s.URL(), "Put", `{"Name":"a"}`)
	if err != nil || status != 200 {
		t.Fatalf("Put: %d %v", status, err)
	}
	// Timestamps are epoch seconds; a zero behind a pointer is sent, a
	// zero value that is not is left out.
	if out["Created"] != 1767323045.5 || out["Size"] != float64(0) {
		t.Errorf("out = %v", out)
	}
	if _, ok := out["Empty"]; ok {
		t.Errorf("an unset member was sent: %v", out)
	}
	status, out, _ = call(t, http.DefaultClient, s.URL(), "Put", `{}`)
	if status != 400 || out["__type"] != "InvalidParameterException" {
		t.Errorf("error = %d %v", status, out)
	}
	status, out, _ = call(t, http.DefaultClient, s.URL(), "Nope", `{}`)
	if status != 400 || out["__type"] != "UnknownOperationException" {
		t.Errorf("unknown operation = %d %v", status, out)
	}
	s.Service("Things_2026").Disable("Count")
	if status, out, _ = call(t, http.DefaultClient, s.URL(), "Count", `{}`); status != 500 || out["__type"] != "CognitoLocal#Unsupported" {
		t.Errorf("disabled operation = %d %v", status, out)
	}
}

// Each fault does what its name says to the server's state and to the answer.
func TestTransportFaults(t *testing.T) {
	t.Parallel()
	for _, f := range Faults {
		t.Run(f.String(), func(t *testing.T) {
			t.Parallel()
			s := startThings(t)
			rec := NewTransport()
			rec.Fault = Once("Put", 0, f)
			c := &http.Client{Transport: rec.Wrap(http.DefaultTransport), Timeout: 200 * time.Millisecond}
			status, out, err := call(t, c, s.URL(), "Put", `{"Name":"a"}`)
			switch f {
			case LoseReply:
				if !errors.Is(err, syscall.ECONNRESET) {
					t.Errorf("err = %v, want a reset connection", err)
				}
			case Stall, StallApplied:
				var ne net.Error
				if !errors.As(err, &ne) || !ne.Timeout() {
					t.Errorf("err = %v, want the client's timeout", err)
				}
			case Throttle:
				if status != 400 || out["__type"] != "TooManyRequestsException" {
					t.Errorf("answer = %d %v", status, out)
				}
			default:
				if status/100 != 5 {
					t.Errorf("status = %d, want 5xx", status)
				}
			}
			want := 0
			if f.Applied() {
				want = 1
			}
			if got := count(t, s); got != want {
				t.Errorf("%d things stored, want %d", got, want)
			}
			// The fault fired once: the next call goes through.
			if status, _, err := call(t, c, s.URL(), "Put", `{"Name":"b"}`); err != nil || status != 200 {
				t.Errorf("second call: %d %v", status, err)
			}
			calls := rec.Calls()
			if len(calls) != 2 || calls[0].Fault != f || calls[1].Fault != NoFault || calls[0].Op != "Put" || calls[0].Service != "Things_2026" {
				t.Errorf("calls = %+v", calls)
			}
			var in putIn
			if err := calls[1].Decode(&in); err != nil || in.Name != "b" {
				t.Errorf("recorded input = %+v (%v)", in, err)
			}
		})
	}
}

func TestStoreDeletesChildrenAndFindsByARN(t *testing.T) {
	t.Parallel()
	s := NewStore()
	s.Put(&Item{Type: "pool", ID: "p1", ARN: "arn:p1"})
	s.Put(&Item{Type: "pool", ID: "p2"})
	s.Put(&Item{Type: "client", ID: "c1", Parent: "p1"})
	s.Put(&Item{Type: "client", ID: "c2", Parent: "p2"})
	if it, ok := s.ByARN("arn:p1"); !ok || it.ID != "p1" {
		t.Errorf("by ARN = %v %v", it, ok)
	}
	s.Delete("pool", "p1")
	if ids := s.IDs("client"); len(ids) != 1 || ids[0] != "c2" {
		t.Errorf("clients after deleting p1: %v", ids)
	}
}

// Find hands back the adapter's record typed, or the service's own error;
// AddTags merges, and past the cap changes nothing.
func TestStoreFindsAndTags(t *testing.T) {
	t.Parallel()
	s := NewStore()
	s.Put(&Item{Type: "thing", ID: "a", Value: &putIn{Name: "a"}})
	missing := Errorf("ResourceNotFoundException", "no b")
	if it, v, err := Find[*putIn](s, "thing", "a", missing); err != nil || it.ID != "a" || v.Name != "a" {
		t.Errorf("Find a = %v %v %v", it, v, err)
	}
	if it, v, err := Find[*putIn](s, "thing", "b", missing); err != missing || it != nil || v != nil {
		t.Errorf("Find b = %v %v %v", it, v, err)
	}
	it, _ := s.Get("thing", "a")
	tooMany := Errorf("LimitExceeded", "too many tags")
	if err := it.AddTags(map[string]string{"k": "1", "l": "2"}, 2, tooMany); err != nil {
		t.Fatal(err)
	}
	if err := it.AddTags(map[string]string{"k": "3"}, 2, tooMany); err != nil || it.Tags["k"] != "3" || it.Tags["l"] != "2" {
		t.Errorf("replacing a value: %v %v", it.Tags, err)
	}
	if err := it.AddTags(map[string]string{"m": "4"}, 2, tooMany); err != tooMany || len(it.Tags) != 2 {
		t.Errorf("past the cap: %v %v", it.Tags, err)
	}
}

func TestStallEndsWithTheContext(t *testing.T) {
	t.Parallel()
	s := startThings(t)
	rec := NewTransport()
	rec.Fault = func(Call, int) Fault { return Stall }
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", s.URL(), strings.NewReader(`{}`))
	req.Header.Set("X-Amz-Target", "Things_2026.Count")
	start := time.Now()
	_, err := (&http.Client{Transport: rec.Wrap(http.DefaultTransport)}).Do(req)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("err = %v after %v", err, time.Since(start))
	}
}

// Page walks a list in pages of max, the token of each page naming the
// next, and ends with a nil token.
func TestPage(t *testing.T) {
	var items []*Item
	for i := range 7 {
		items = append(items, &Item{ID: strconv.Itoa(i)})
	}
	var got []string
	var token *string
	for pages := 1; ; pages++ {
		page, next := Page(items, token, 3)
		for _, it := range page {
			got = append(got, it.ID)
		}
		if next == nil {
			if pages != 3 {
				t.Errorf("%d pages of 3 for 7 items, want 3", pages)
			}
			break
		}
		if pages > 3 {
			t.Fatal("Page never ends")
		}
		token = next
	}
	if strings.Join(got, ",") != "0,1,2,3,4,5,6" {
		t.Errorf("pages gave %v", got)
	}
	if page, next := Page(items, nil, 7); len(page) != 7 || next != nil {
		t.Errorf("one full page: %d items, next %v", len(page), next)
	}
}
