import { Route, Routes } from 'react-router-dom';
import ScreeningDetailPage from './ScreeningDetailPage.js';
import ScreeningPage from './ScreeningPage.js';

/** /screening and /screening/:id. */
export default function ScreeningRoutes() {
  return (
    <Routes>
      <Route index element={<ScreeningPage />} />
      <Route path=":id" element={<ScreeningDetailPage />} />
    </Routes>
  );
}
