import { useQuery } from '@tanstack/react-query';
import { healthQuery } from './health-query';

/** The shell every view lives in; the map dashboard arrives with its own issue. */
export function App() {
  const health = useQuery(healthQuery);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', maxWidth: 720 }}>
      <h1>PCMT Atlas</h1>
      <p>Bản đồ theo dõi xã không ma túy, điểm, tụ điểm và tiến độ kế hoạch phòng, chống ma túy.</p>
      {health.isPending && <p>Đang kết nối máy chủ…</p>}
      {health.isError && <p role="alert">Không kết nối được máy chủ: {health.error.message}</p>}
      {health.data && (
        <p data-testid="api-status">
          Máy chủ hoạt động — cơ sở dữ liệu {health.data.engine}, PostGIS {health.data.postgis}
        </p>
      )}
      {health.data?.synthetic && (
        <p role="note" style={{ background: '#fff4d6', padding: '0.5rem 0.75rem', borderRadius: 4 }}>
          Dữ liệu minh họa (tổng hợp): ranh giới và số liệu là giả lập, không phải số liệu chính thức.
        </p>
      )}
      <p>
        <a href="/api/openapi.json">Tài liệu API (OpenAPI)</a>
      </p>
    </main>
  );
}
