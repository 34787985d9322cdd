import { Route, Routes } from 'react-router-dom';
import ApplicationPage from './ApplicationPage.js';
import MyApplicationsPage from './MyApplicationsPage.js';

/** /applications and /applications/:id. */
export default function ApplicationsRoutes() {
  return (
    <Routes>
      <Route index element={<MyApplicationsPage />} />
      <Route path=":id" element={<ApplicationPage />} />
    </Routes>
  );
}
